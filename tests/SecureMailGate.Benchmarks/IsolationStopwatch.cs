using System;
using System.Diagnostics;
using System.IO;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;

namespace SecureMailGate.Benchmarks;

/// <summary>A quick Stopwatch measurement of the pool's cost per message, for when BenchmarkDotNet is too slow.</summary>
internal static class IsolationStopwatch
{
    public static void Run(TextWriter output, int messages)
    {
        PolicyOptions policy = PolicyOptions.Default with { InternalDomains = new[] { "ourtrust.nhs.uk" } };
        var inProcess = new SecureMailGateEngine(policy, TimeProvider.System);
        using var isolation = new InspectionIsolation();
        SecureMailGateEngine pooled = isolation.CreateEngine(policy, TimeProvider.System);

        var cold = Stopwatch.StartNew();
        _ = IsolationBenchmarks.Evaluate(pooled, IsolationMessages.Attachment);
        output.WriteLine($"first message through the pool (starts a worker): {cold.Elapsed.TotalMilliseconds:F1} ms");

        foreach ((string name, byte[] mime) in new[] { ("plain", IsolationMessages.Plain), ("attachment", IsolationMessages.Attachment), ("2 MB csv", IsolationMessages.LargeAttachment) })
        {
            foreach ((string how, SecureMailGateEngine engine) in new[] { ("in-process", inProcess), ("pool", pooled) })
            {
                // Warm-up: enough messages that the workers' code is optimised, as on a server that has run a while.
                for (int i = 0; i < (mime.Length > 100_000 ? 40 : 300); i++)
                {
                    _ = IsolationBenchmarks.Evaluate(engine, mime);
                }

                var watch = Stopwatch.StartNew();
                for (int i = 0; i < messages; i++)
                {
                    _ = IsolationBenchmarks.Evaluate(engine, mime);
                }

                output.WriteLine($"{name,-10} {how,-10} {watch.Elapsed.TotalMilliseconds * 1000 / messages,8:F0} µs/message over {messages}");
            }
        }

        output.WriteLine($"workers started: {isolation.Pool?.WorkersStarted}");
    }
}
