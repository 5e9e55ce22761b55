using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MimeKit;
using SecureMailGate.Core;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks.Precision;

/// <summary>
/// The precision benchmark (issue 9): every message of a benign corpus is evaluated, as mail to one external recipient,
/// by the shipped engine and policy, and the share flagged sensitive is reported with a breakdown by cause (finding kind,
/// confidence, where, and the kind of context around each valid candidate). Every flag here is a false alarm.
/// Never the digits: only counts and labels are printed (and, with <c>--list</c>, the corpus file names).
/// Run: <c>dotnet run -c Release --project tests/SecureMailGate.Benchmarks -- precision ../shared/corpus/benign/spamassassin-ham.tar.gz</c>.
/// </summary>
internal static class PrecisionRun
{
    private const string Sender = "clinician@ourtrust.nhs.uk";
    private static readonly string[] Recipients = { "supplier@example.com" };

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    /// <param name="args">The corpus path, then optionally <c>--config &lt;file&gt;</c> and <c>--list</c>.</param>
    /// <param name="output">Where the report goes.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count == 0 || !File.Exists(args[0]))
        {
            output.WriteLine("Usage: precision <corpus.tar.gz> [--config <securemailgate.json>] [--list]. Give the path of a .tar.gz of messages, e.g. ../shared/corpus/benign/spamassassin-ham.tar.gz.");
            return 2;
        }

        int configAt = IndexOf(args, "--config");
        string config = configAt >= 0 && configAt + 1 < args.Count ? args[configAt + 1] : FindShippedConfig();
        bool list = IndexOf(args, "--list") >= 0;
        var engine = new SecureMailGateEngine(PolicyConfigurationLoader.LoadFile(config), TimeProvider.System);

        int total = 0;
        int flagged = 0;
        int withLowFinding = 0;
        var causes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var candidates = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var flaggedCandidates = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        foreach (CorpusMessage message in CorpusArchive.Read(args[0]))
        {
            total++;
            Verdict verdict;
            using (var stream = new MemoryStream(message.Mime, writable: false))
            {
                verdict = engine.Evaluate(new MessageEnvelope(Sender, Recipients, stream));
            }

            List<string> labels = Labels(message.Mime);
            foreach (string label in labels)
            {
                Increment(candidates, label);
            }

            if (verdict.Findings.Any(f => f.Kind == FindingKinds.NhsNumber && f.Confidence < engine.Options.Detection.Threshold))
            {
                withLowFinding++;
            }

            if (!verdict.Sensitive)
            {
                continue;
            }

            flagged++;
            foreach (string label in labels.Distinct())
            {
                Increment(flaggedCandidates, label);
            }

            Increment(causes, Cause(verdict, engine.Options.Detection));
            if (list)
            {
                output.WriteLine($"flagged: {message.Name} ({Cause(verdict, engine.Options.Detection)})");
            }
        }

        output.WriteLine($"corpus: {Path.GetFileName(args[0])}; policy: {config}; recipient tier: external");
        output.WriteLine($"messages: {total}; flagged sensitive: {flagged} ({Share(flagged, total)}); {watch.Elapsed.TotalSeconds:F0} s");
        output.WriteLine($"messages with an nhs-number finding below the threshold (recorded, not flagged): {withLowFinding}");
        Print(output, "flagged messages by cause (strongest finding that made the message sensitive)", causes);
        Print(output, "flagged messages holding a valid candidate, by the candidate's context", flaggedCandidates);
        Print(output, "valid ten-digit candidates in all messages' text, by context", candidates);
        return 0;
    }

    private static string Cause(Verdict verdict, DetectionOptions detection)
    {
        Finding? strongest = verdict.Findings
            .Where(f => f.Kind is not FindingKinds.EncryptedAttachment)
            .OrderByDescending(f => f.Kind == FindingKinds.NhsNumber && f.Location == "subject")
            .ThenByDescending(f => f.Confidence >= detection.Threshold)
            .ThenByDescending(f => f.Confidence)
            .FirstOrDefault();
        if (strongest is null)
        {
            return "no finding";
        }

        string where = strongest.Location.StartsWith("attachment:", StringComparison.Ordinal) ? "attachment" : strongest.Location;
        string reason = strongest.Reason is null ? string.Empty : $" ({strongest.Reason})";
        return $"{strongest.Kind}{reason} {strongest.Confidence.ToString().ToLowerInvariant()} in {where}";
    }

    /// <summary>The context labels of every valid candidate in the subject and the message's text parts.</summary>
    private static List<string> Labels(byte[] mime)
    {
        var labels = new List<string>();
        try
        {
            using var stream = new MemoryStream(mime, writable: false);
            MimeMessage message = MimeMessage.Load(stream);
            CandidateContext.Describe(message.Subject ?? string.Empty, labels);
            foreach (TextPart part in message.BodyParts.OfType<TextPart>())
            {
                string text = part.Text ?? string.Empty;
                if (part.IsHtml)
                {
                    using var html = new HtmlTextReader(new StringReader(text));
                    text = html.ReadToEnd();
                }

                CandidateContext.Describe(text, labels);
            }
        }
        catch (FormatException)
        {
            labels.Add("unparsable message");
        }

        return labels;
    }

    private static void Print(TextWriter output, string title, SortedDictionary<string, int> counts)
    {
        output.WriteLine();
        output.WriteLine(title + ":");
        foreach (KeyValuePair<string, int> pair in counts.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {pair.Value,6}  {pair.Key}");
        }
    }

    private static string Share(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;

    private static int IndexOf(IReadOnlyList<string> args, string name)
    {
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static string FindShippedConfig()
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "config", "securemailgate.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/securemailgate.json was not found above the current folder; pass --config <file>.");
    }
}
