using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using MimeKit;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// A 50 MB attachment (just under the default 50 MiB expanded-bytes limit) through the whole engine: MIME parse,
/// base64 decode, charset sniffing, and the detectors (for CSV, the table header rule too). Allocations show that
/// memory stays bounded: the attachment is streamed, never held whole.
/// Run: <c>dotnet run -c Release -- --filter '*AttachmentInspection*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AttachmentInspectionBenchmarks
{
    private const int TargetBytes = 50_000_000;
    private readonly SecureMailGateEngine _engine = new(PolicyOptions.Default, TimeProvider.System);
    private byte[] _csvMessage = Array.Empty<byte>();
    private byte[] _textMessage = Array.Empty<byte>();

    /// <summary>Builds both messages once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _csvMessage = Build("list.csv", Csv());
        _textMessage = Build("notes.txt", Text());
    }

    /// <summary>A 50 MB CSV patient list whose NHS numbers sit under an "NHS Number" header.</summary>
    [Benchmark]
    public int Csv50MB() => Evaluate(_csvMessage);

    /// <summary>50 MB of plain text.</summary>
    [Benchmark]
    public int Text50MB() => Evaluate(_textMessage);

    private int Evaluate(byte[] mime)
    {
        using var stream = new MemoryStream(mime, writable: false);
        return _engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", new[] { "b@gmail.com" }, stream)).Findings.Count;
    }

    private static byte[] Csv()
    {
        var sb = new StringBuilder("Surname,Forename,NHS Number,Ward,Notes\r\n", TargetBytes + 100);
        int i = 0;
        while (sb.Length < TargetBytes - 100)
        {
            sb.Append("Surname").Append(i).Append(",Forename,").Append(i % 1000 == 999 ? "9434765919" : (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",Ward ").Append(i % 9).Append(",Seen and discharged with no further action required\r\n");
            i++;
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Text()
    {
        var sb = new StringBuilder(TargetBytes + 200);
        while (sb.Length < TargetBytes - 200)
        {
            sb.Append("The quick brown fox jumps over the lazy dog; the estates meeting is at 10:30 in room 4.\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Build(string name, byte[] attachment)
    {
        var builder = new BodyBuilder { TextBody = "See attached." };
        builder.Attachments.Add(name, attachment);
        var message = new MimeMessage { Subject = "Benchmark", Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("a@ourtrust.nhs.uk"));
        message.To.Add(MailboxAddress.Parse("b@gmail.com"));
        using var ms = new MemoryStream();
        message.WriteTo(ms);
        return ms.ToArray();
    }
}
