using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// The cost the agent adds to an everyday message: parse, inspect and decide for a short clinic letter (text and
/// HTML alternatives) with five recipients across tiers.
/// Run: <c>dotnet run -c Release -- --filter '*MessageEvaluation*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class MessageEvaluationBenchmarks
{
    private static readonly string[] Recipients =
    {
        "district.nursing@nhs.net", "ward7@ourtrust.nhs.uk", "liaison@care.example-hospice.org.uk", "carer@hotmail.co.uk", "01234567890@efaxsend.com",
    };

    private readonly SecureMailGateEngine _engine = new(
        PolicyOptions.Default with { InternalDomains = new[] { "ourtrust.nhs.uk" }, AccreditedDomains = new[] { "*.example-hospice.org.uk" } },
        TimeProvider.System);

    private byte[] _letter = Array.Empty<byte>();

    /// <summary>Builds the letter once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const string text = "Dear colleague,\r\n\r\nDischarge summary for Mrs Evans.\r\nNHS number 943 476 5919\r\nDOB 01/02/1940\r\n\r\nFollow-up by the district nurse within 48 hours.\r\n";
        string html = "<html><body><p>Dear colleague,</p><p>Discharge summary for Mrs Evans.</p><p>NHS&nbsp;number <b>943</b> 476 5919</p></body></html>";
        string mime = "From: a@ourtrust.nhs.uk\r\nTo: b@nhs.net\r\nSubject: Discharge summary\r\nMessage-ID: <bench@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/alternative; boundary=alt\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text +
            "\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--alt--\r\n";
        _letter = Encoding.UTF8.GetBytes(mime);
    }

    /// <summary>One clinic letter, five recipients.</summary>
    [Benchmark]
    public int ClinicLetter()
    {
        using var stream = new MemoryStream(_letter, writable: false);
        return _engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", Recipients, stream)).Decisions.Count;
    }
}
