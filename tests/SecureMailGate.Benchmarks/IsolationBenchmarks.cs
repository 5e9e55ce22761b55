using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// What the worker pool costs per message: the same small messages evaluated in process and through a pool of one
/// warm worker. Run: <c>dotnet run -c Release -- --filter '*Isolation*' --job short</c>; for a quick figure without
/// BenchmarkDotNet: <c>dotnet run -c Release -- isolation-stopwatch</c>.
/// </summary>
[MemoryDiagnoser]
public class IsolationBenchmarks : IDisposable
{
    private static readonly string[] Recipients = { "carer@hotmail.co.uk" };
    private static readonly PolicyOptions Policy = PolicyOptions.Default with { InternalDomains = new[] { "ourtrust.nhs.uk" } };

    private readonly SecureMailGateEngine _inProcess = new(Policy, TimeProvider.System);
    private readonly InspectionIsolation _isolation = new();
    private SecureMailGateEngine? _pooled;

    /// <summary>Starts the pool's worker before measuring.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pooled = _isolation.CreateEngine(Policy, TimeProvider.System);

        // Warm the workers as a server's are after its first minutes: a worker's code runs unoptimised until the JIT
        // has seen it often, and the pool spreads messages over several workers.
        for (int i = 0; i < 300; i++)
        {
            _ = Evaluate(_pooled, IsolationMessages.Attachment);
            _ = Evaluate(_inProcess, IsolationMessages.Attachment);
        }

        for (int i = 0; i < 40; i++)
        {
            _ = Evaluate(_pooled, IsolationMessages.LargeAttachment);
            _ = Evaluate(_inProcess, IsolationMessages.LargeAttachment);
        }
    }

    /// <summary>Ends the worker.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _isolation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Plain text, in process.</summary>
    [Benchmark(Baseline = true)]
    public int PlainInProcess() => Evaluate(_inProcess, IsolationMessages.Plain);

    /// <summary>Plain text through the pool (fast path: stays in process after a bounded structure check).</summary>
    [Benchmark]
    public int PlainPooled() => Evaluate(_pooled!, IsolationMessages.Plain);

    /// <summary>A small attachment, in process.</summary>
    [Benchmark]
    public int AttachmentInProcess() => Evaluate(_inProcess, IsolationMessages.Attachment);

    /// <summary>A small attachment through the pool (a round trip to the worker).</summary>
    [Benchmark]
    public int AttachmentPooled() => Evaluate(_pooled!, IsolationMessages.Attachment);

    /// <summary>A 2 MB CSV attachment read in the host.</summary>
    [Benchmark]
    public int LargeAttachmentInProcess() => Evaluate(_inProcess, IsolationMessages.LargeAttachment);

    /// <summary>The same message through a worker: the round trip against real work.</summary>
    [Benchmark]
    public int LargeAttachmentPooled() => Evaluate(_pooled!, IsolationMessages.LargeAttachment);

    /// <summary>Evaluates one message; returns the number of findings so nothing is optimised away.</summary>
    internal static int Evaluate(SecureMailGateEngine engine, byte[] mime)
    {
        using var stream = new MemoryStream(mime, writable: false);
        return engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", Recipients, stream)).Findings.Count;
    }
}
