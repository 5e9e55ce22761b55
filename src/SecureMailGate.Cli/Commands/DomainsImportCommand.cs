using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Configuration;

namespace SecureMailGate.Cli.Commands;

/// <summary>
/// <c>securemailgate domains import &lt;file&gt; --out F</c>: turn a published accredited list (plain or CSV with a
/// <c>domain</c> column) into the normalised plain list the policy reads. Bad lines are skipped and each is
/// reported with its line number; nothing is written when no domain could be read. A binary file is refused
/// whole; a column named like "Domain name" and entries written "@example.gov.uk" are accepted.
/// </summary>
internal static class DomainsImportCommand
{
    // Enough to see what is wrong; a file that is not a list at all would otherwise flood the terminal.
    private const int MaxErrorsShown = 10;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The list to import: one domain per line, or CSV with a 'domain' column." };
        var output = new Option<string>("--out") { Description = "Where to write the normalised list.", Required = true };
        var import = new Command("import", "Import an accredited domain list into the plain format the policy reads.") { file, output };
        import.SetAction(result => context.Guard(() =>
        {
            string source = result.GetValue(file)!;
            string target = result.GetValue(output)!;
            OutputFile.CheckWritable(target, "--out", "accredited-domains.txt");
            RefuseBinary(source);
            AccreditedListParseResult parsed = AccreditedListFile.Parse(source);
            foreach (AccreditedListError error in parsed.Errors.Take(MaxErrorsShown))
            {
                context.Error.WriteLine($"securemailgate: {source}, line {error.Line}: {Printable(error.Problem)} (line skipped)");
            }

            if (parsed.Errors.Count > MaxErrorsShown)
            {
                context.Error.WriteLine($"securemailgate: {source}: {parsed.Errors.Count - MaxErrorsShown} more bad line(s) not shown.");
            }

            if (parsed.Entries.Count == 0)
            {
                throw new CliException($"{source}: no domains found; nothing was written to {target}.");
            }

            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Accredited domains imported by securemailgate from {Path.GetFileName(source)} on {context.Clock.GetUtcNow():yyyy-MM-dd}.");
            text.AppendLine("# One domain per line; '*.suffix' covers every sub-domain of suffix.");
            foreach (string entry in parsed.Entries.OrderBy(e => e.TrimStart('*', '.'), StringComparer.Ordinal))
            {
                text.AppendLine(entry);
            }

            OutputFile.Write(target, text.ToString(), "list");

            context.Out.WriteLine($"Imported {parsed.Entries.Count} domain(s) into {target}; {parsed.Errors.Count} line(s) skipped.");
            return ExitCodes.Ok;
        }));
        return new Command("domains", "Work with accredited domain lists.") { import };
    }

    // A spreadsheet, a PDF or a picture given by mistake: say so instead of echoing its bytes line by line.
    private static void RefuseBinary(string path)
    {
        byte[] head = new byte[8192];
        int read;
        try
        {
            using FileStream stream = CommonOptions.OpenInput(path);
            read = stream.Read(head, 0, head.Length);
        }
        catch (CliException)
        {
            return; // the parser reports a missing or unreadable file in its own words
        }

        int controls = head.Take(read).Count(b => b < 0x20 && b is not (byte)'\r' and not (byte)'\n' and not (byte)'\t');
        if (read > 0 && (Array.IndexOf(head, (byte)0, 0, read) >= 0 || controls * 20 > read))
        {
            string kind = head.AsSpan(0, read).StartsWith("PK"u8) ? " (it looks like a ZIP or Excel file: save it as CSV first)" : string.Empty;
            throw new CliException($"{path} is not a text file{kind}. Give a plain list (one domain per line) or a CSV file with a 'domain' column.");
        }
    }

    // Problems quote the line they are about; never write control characters to the terminal.
    private static string Printable(string text) =>
        new(text.Select(c => char.IsControl(c) || c == '\uFFFD' ? '?' : c).ToArray());
}
