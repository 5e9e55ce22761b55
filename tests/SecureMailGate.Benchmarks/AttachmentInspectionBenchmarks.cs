using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MimeKit;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// A message carrying one ~20 MB attachment (text, CSV, docx, xlsx, pdf) through the whole engine, beside the MimeKit
/// floor for the same message: parse it and decode the attachment's bytes. The ratio column (baseline = floor) is the
/// figure the issue asks for; divide the attachment size (printed by <c>attachment-sizes</c>) by the mean for MB/s, and
/// compare "Allocated" with the size. The policy lifts the expanded-bytes, ratio and time limits
/// (<see cref="Limits"/>) so that every file is read to its end; setup checks that it is.
/// Run: <c>dotnet run -c Release --project tests/SecureMailGate.Benchmarks -- --filter '*AttachmentInspection*' --job short --inProcess</c>
/// (set <c>SMG_ATTACHMENT_KINDS=csv,txt</c> for some kinds only).
/// </summary>
[MemoryDiagnoser]
public class AttachmentInspectionBenchmarks
{
    /// <summary>Size of every generated attachment: 20 MB.</summary>
    public const int AttachmentBytes = 20_000_000;

    /// <summary>
    /// The limits the benchmark uses: 1 GiB expanded bytes (the default 50 MiB stops a 20 MB docx, which holds several
    /// times its size in XML), expansion ratio 1,000 (default 100), no time budget (default 30 s; the machine is shared).
    /// </summary>
    public static readonly InspectionLimits Limits = InspectionLimits.Default with { MaxExpandedBytes = 1L << 30, MaxRatio = 1000, TimeBudget = null };

    private readonly SecureMailGateEngine _engine = new(
        PolicyOptions.Default with { InternalDomains = new[] { "ourtrust.nhs.uk" }, Limits = Limits },
        TimeProvider.System);

    private byte[] _message = Array.Empty<byte>();

    /// <summary>The kinds to run: <c>SMG_ATTACHMENT_KINDS</c> (comma-separated, e.g. <c>csv,txt</c>) or all five.</summary>
    public static IEnumerable<string> Kinds =>
        Environment.GetEnvironmentVariable("SMG_ATTACHMENT_KINDS") is { Length: > 0 } kinds
            ? kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : new[] { "txt", "csv", "docx", "xlsx", "pdf" };

    /// <summary>The attachment's type: its file extension.</summary>
    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "txt";

    /// <summary>Generates the attachment and its message once, and checks that the engine reads it to its end.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _message = Message(Kind, Attachment(Kind).Bytes);
        Verdict verdict = Run(_engine, _message);
        if (verdict.Findings.Any(f => f.Kind == FindingKinds.InspectionLimit || f.Kind == FindingKinds.UnreadableAttachment)
            || !verdict.Findings.Any(f => f.Kind == FindingKinds.NhsNumber))
        {
            throw new InvalidOperationException($"The {Kind} attachment was not read to its end: the benchmark would measure a limit.");
        }
    }

    /// <summary>Floor: MimeKit parses the message and decodes the attachment's bytes (to nowhere).</summary>
    /// <returns>Bytes decoded.</returns>
    [Benchmark(Baseline = true)]
    public long MimeKitFloor() => DecodeAttachments(_message);

    /// <summary>The engine's whole evaluation of the message, in process.</summary>
    /// <returns>Findings.</returns>
    [Benchmark]
    public int Evaluate() => Run(_engine, _message).Findings.Count;

    /// <summary>The generated attachment of a kind.</summary>
    /// <param name="kind">txt, csv, docx, xlsx or pdf.</param>
    /// <returns>The file and its amount of text.</returns>
    internal static GeneratedFile Attachment(string kind) => kind switch
    {
        "txt" => LargeAttachments.Text(AttachmentBytes),
        "csv" => LargeAttachments.Csv(AttachmentBytes),
        "docx" => LargeAttachments.Docx(AttachmentBytes),
        "xlsx" => LargeAttachments.Xlsx(AttachmentBytes),
        "pdf" => LargeAttachments.Pdf(AttachmentBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a generated kind."),
    };

    /// <summary>
    /// Prints each attachment's size, the characters of text written into it, its message's size, and one cold
    /// evaluation and one floor (time, and bytes allocated by every thread: PdfPig runs on a thread of its own): a quick
    /// look, not a measurement.
    /// </summary>
    /// <param name="output">Where to write.</param>
    /// <param name="kinds">The kinds to generate; all when empty.</param>
    internal static void PrintSizes(TextWriter output, string[] kinds)
    {
        var engine = new SecureMailGateEngine(PolicyOptions.Default with { InternalDomains = new[] { "ourtrust.nhs.uk" }, Limits = Limits }, TimeProvider.System);
        foreach (string kind in kinds.Length > 0 ? kinds : new[] { "txt", "csv", "docx", "xlsx", "pdf" })
        {
            GeneratedFile file = Attachment(kind);
            byte[] message = Message(kind, file.Bytes);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Verdict verdict = Run(engine, message);
            TimeSpan evaluation = clock.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            clock.Restart();
            long decoded = DecodeAttachments(message);
            TimeSpan floor = clock.Elapsed;
            string findings = string.Join(", ", verdict.Findings.Select(f => f.Kind + (f.Reason is null ? string.Empty : "/" + f.Reason)).Distinct());
            output.WriteLine(
                $"{kind}: {file.Bytes.Length:N0} bytes of file, {file.TextChars:N0} characters of text; message {message.Length:N0} bytes; " +
                $"evaluate {evaluation.TotalMilliseconds:N0} ms, {allocated:N0} B allocated, findings [{findings}]; floor {floor.TotalMilliseconds:N0} ms, {decoded:N0} B decoded");
        }
    }

    /// <summary>What any inspector must at least do: parse the message and decode every attachment.</summary>
    /// <param name="mime">The message.</param>
    /// <returns>Bytes decoded.</returns>
    internal static long DecodeAttachments(byte[] mime)
    {
        using var stream = new MemoryStream(mime, writable: false);
        MimeMessage message = MimeMessage.Load(stream);
        long bytes = 0;
        foreach (MimePart part in message.BodyParts.OfType<MimePart>())
        {
            using var counter = new CountingStream();
            part.Content?.DecodeTo(counter);
            bytes += counter.Length;
        }

        return bytes;
    }

    private static Verdict Run(SecureMailGateEngine engine, byte[] mime)
    {
        using var stream = new MemoryStream(mime, writable: false);
        return engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", new[] { "b@gmail.com" }, stream));
    }

    private static byte[] Message(string kind, byte[] attachment)
    {
        var builder = new BodyBuilder { TextBody = "See attached." };
        // Base64, as mail clients send attachments (MimeKit would otherwise pick 7bit for ASCII text and CSV).
        ((MimePart)builder.Attachments.Add("file." + kind, attachment)).ContentTransferEncoding = ContentEncoding.Base64;
        var message = new MimeMessage { Subject = "Benchmark", Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("a@ourtrust.nhs.uk"));
        message.To.Add(MailboxAddress.Parse("b@gmail.com"));
        using var ms = new MemoryStream();
        message.WriteTo(ms);
        return ms.ToArray();
    }
}
