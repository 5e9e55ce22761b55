using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// Allocation and time for 20 MB of text: the scanner alone over the text, and a whole evaluation of a message whose
/// body is that text. The scanner reuses one pooled window; detectors get strings only around digit runs, so
/// "Allocated" should stay a small fraction of the text (it was about 2 bytes per character: a new 131 KB string per
/// 64 K window, 7,318 gen-2 collections in a 186 s soak).
/// Run: <c>dotnet run -c Release -- --filter '*LargeText*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LargeTextBenchmarks
{
    private const int TextChars = 20 * 1024 * 1024;

    private readonly TextScanner _scanner = new(new IDetector[] { NhsNumberDetector.Instance, NiNumberDetector.Instance });
    private readonly TextScanner _wholeChunks = new(new IDetector[] { new WholeChunkDetector(NhsNumberDetector.Instance), new WholeChunkDetector(NiNumberDetector.Instance) });
    private readonly SecureMailGateEngine _engine = new(
        PolicyOptions.Default with { InternalDomains = new[] { "ourtrust.nhs.uk" }, Limits = InspectionLimits.Default with { TimeBudget = null } },
        TimeProvider.System);

    private string _text = string.Empty;
    private byte[] _message = Array.Empty<byte>();

    /// <summary>
    /// Whether every paragraph holds a long digit run (a phone number): then candidates are everywhere and the windows
    /// cover the whole text, the worst case; otherwise only an NHS number every few kilobytes does.
    /// </summary>
    [Params(false, true)]
    public bool DigitDense { get; set; }

    /// <summary>Builds 20 MB of clinic-letter prose with a date, and an NHS number every few kilobytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string paragraph = "Seen in clinic on 01/02/2024 with her daughter. Reports improved mobility since the last review; " +
            "continue current medication and review in six weeks. " + (DigitDense ? "Call 01632 960123 with any concerns." : "Call the clinic with any concerns.") + "\r\n";
        var sb = new StringBuilder(TextChars + 1024);
        for (int i = 0; sb.Length < TextChars; i++)
        {
            sb.Append(paragraph);
            if (i % 20 == 0)
            {
                sb.Append("NHS number 943 476 5919\r\n");
            }
        }

        _text = sb.ToString();
        string head = "From: a@ourtrust.nhs.uk\r\nTo: b@gmail.com\r\nSubject: Notes\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
        _message = Encoding.UTF8.GetBytes(head + _text);
    }

    /// <summary>The scanner over 20 MB of text.</summary>
    [Benchmark]
    public int Scan20MegabytesOfText()
    {
        var findings = new List<Finding>();
        using var reader = new StringReader(_text);
        _scanner.Scan(reader, "body", findings, budget: null);
        return findings.Count;
    }

    /// <summary>Baseline: the same scan with every whole chunk handed to the detectors as a new string (the old cost).</summary>
    [Benchmark(Baseline = true)]
    public int Scan20MegabytesOfTextWholeChunks()
    {
        var findings = new List<Finding>();
        using var reader = new StringReader(_text);
        _wholeChunks.Scan(reader, "body", findings, budget: null);
        return findings.Count;
    }

    /// <summary>One evaluation of a message with a 20 MB text body.</summary>
    [Benchmark]
    public int Evaluate20MegabyteMessage()
    {
        using var stream = new MemoryStream(_message, writable: false);
        return _engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", new[] { "b@gmail.com" }, stream)).Findings.Count;
    }
}
