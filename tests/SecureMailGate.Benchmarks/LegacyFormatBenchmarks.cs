using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using MimeKit;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Formats;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// What the formats read by our own readers cost per megabyte, against the same text as a plain .txt: about 3 MB of
/// text each as a Word 97 document, an Excel 97 workbook (cells under a header), a PowerPoint 97 deck, an Outlook
/// .msg body, a gzip and a tar. Divide the time by 3 for the cost per MB.
/// Run: <c>dotnet run -c Release -- --filter '*LegacyFormat*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LegacyFormatBenchmarks
{
    private const int TargetChars = 3_000_000;
    private readonly SecureMailGateEngine _engine = new(PolicyOptions.Default, TimeProvider.System);
    private readonly Dictionary<string, byte[]> _messages = new();

    /// <summary>The format measured.</summary>
    [Params("txt", "doc", "xls", "ppt", "msg", "gz", "tar")]
    public string Format { get; set; } = "txt";

    /// <summary>Builds the message for <see cref="Format"/> once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string text = Text();
        byte[] ascii = Encoding.ASCII.GetBytes(text);
        byte[] file = Format switch
        {
            "doc" => LegacyFiles.Doc((text, false)),
            "xls" => LegacyFiles.Xls(new[] { ("Sheet1", Rows(text)) }),
            "ppt" => LegacyFiles.Ppt(text.Split('\n')),
            "msg" => LegacyFiles.Msg(LegacyFiles.Property("0037001F", "Notes"), CfbNode.Stream("__substg1.0_1000001E", ascii)),
            "gz" => Archives.Gzip(ascii),
            "tar" => Archives.Tar(("notes.txt", ascii)),
            _ => ascii,
        };
        _messages[Format] = Build("notes." + Format, file);
    }

    /// <summary>One message with the attachment, through the whole engine.</summary>
    [Benchmark]
    public int Inspect()
    {
        using var stream = new MemoryStream(_messages[Format], writable: false);
        return _engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", new[] { "b@gmail.com" }, stream)).Findings.Count;
    }

    private static string Text()
    {
        var sb = new StringBuilder(TargetChars + 200);
        int i = 0;
        while (sb.Length < TargetChars)
        {
            sb.Append("Seen in clinic ").Append(i++).Append(", reviewed and discharged with no further action required\n");
        }

        return sb.ToString();
    }

    private static IEnumerable<string[]> Rows(string text) =>
        new[] { new[] { "Note", "Ward" } }.Concat(text.Split('\n').Select((line, i) => new[] { line, "#" + (i % 9) }));

    private static byte[] Build(string name, byte[] content)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("a@ourtrust.nhs.uk"));
        message.To.Add(MailboxAddress.Parse("b@gmail.com"));
        message.Subject = "Notes";
        var builder = new BodyBuilder { TextBody = "Attached." };
        builder.Attachments.Add(name, content);
        message.Body = builder.ToMessageBody();
        using var ms = new MemoryStream();
        message.WriteTo(ms);
        return ms.ToArray();
    }
}
