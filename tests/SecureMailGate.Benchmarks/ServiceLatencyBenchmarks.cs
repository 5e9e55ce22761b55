using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using SecureMailGate.Service.Hosting;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// What the sender waits for after selecting Send: one request to the verdict service on 127.0.0.1 — identity token
/// check, JSON with a 1 MB attachment (base64), MIME built, inspected in the worker pool (the default), decided — until
/// the answer is read. Target: p95 under 200 ms (Outlook says "taking longer" after 5 s).
/// Run: <c>dotnet run -c Release --project tests/SecureMailGate.Benchmarks -- --filter '*ServiceLatency*'</c>.
/// </summary>
[Config(typeof(Percentiles))]
[MemoryDiagnoser]
public class ServiceLatencyBenchmarks
{
    private RunningService? _service;
    private byte[] _request = Array.Empty<byte>();
    private string _token = string.Empty;

    /// <summary><c>process</c> (the default: attachments inspected in the worker pool) or <c>inproc</c>.</summary>
    [Params("process", "inproc")]
    public string Isolation { get; set; } = "process";

    /// <summary>Starts the service (worker-pool inspection, enforcing policy) and builds the request once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _service = RunningService.StartAsync(
            $$"""{ "mode": "enforce", "internalDomains": ["ourtrust.nhs.uk"], "inspection": { "isolation": "{{Isolation}}" } }""",
            new Dictionary<string, string?> { ["SecureMailGate:RequestsPerMinute"] = "1000000" }).GetAwaiter().GetResult();
        _token = _service.Tokens.Create();
        _request = JsonSerializer.SerializeToUtf8Bytes(new
        {
            sender = "priya.shah@ourtrust.nhs.uk",
            to = new[] { "district.nursing@nhs.net", "carer@hotmail.co.uk" },
            cc = new[] { "ward7@ourtrust.nhs.uk" },
            bcc = Array.Empty<string>(),
            subject = "Discharge summary",
            body = new { type = "html", content = "<p>Dear colleague,</p><p>Discharge summary attached. NHS&nbsp;number 943 476 5919.</p>" },
            attachments = new[]
            {
                new { name = "discharge-letter.txt", contentType = "text/plain", format = "base64", content = Convert.ToBase64String(Letter(1024 * 1024)), isInline = false },
            },
        });

        // One request before measuring starts the first worker process.
        _ = Evaluate().GetAwaiter().GetResult();
    }

    /// <summary>Stops the service.</summary>
    [GlobalCleanup]
    public void Cleanup() => _service?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Request to answer for a typical message with a 1 MB attachment.</summary>
    [Benchmark]
    public async Task<int> EvaluateMessageWith1MbAttachment() => await Evaluate().ConfigureAwait(false);

    private async Task<int> Evaluate()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceApp.EvaluatePath) { Content = new ByteArrayContent(_request) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using HttpResponseMessage response = await _service!.Client.SendAsync(request).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode ? answer.Length : throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
    }

    // A long clinical letter: paragraphs of prose with dates and phone numbers, no identifier after the first line.
    private static byte[] Letter(int size)
    {
        var text = new StringBuilder("Discharge letter. Patient NHS number 450 557 7104.\r\n");
        int paragraph = 0;
        while (text.Length < size)
        {
            paragraph++;
            text.Append("Paragraph ").Append(paragraph).Append(": reviewed in clinic on 12/03/2026; observations stable, ")
                .Append("medication unchanged, follow-up with the district nursing team in two weeks. Contact 0113 496 0000 with concerns.\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString(0, size));
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.P95);
        }
    }
}
