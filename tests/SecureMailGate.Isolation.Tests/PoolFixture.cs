using System;
using System.Collections.Concurrent;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation.Tests;

/// <summary>A pool with short limits and armed test faults, the engine over it, and the lines it logged.</summary>
internal sealed class PoolFixture : IDisposable
{
    public PoolFixture(int workers = 1, int recycleAfter = 1000, long memoryCapBytes = 1024L * 1024 * 1024, int timeBudgetSeconds = 30)
    {
        Policy = new PolicyOptions
        {
            InternalDomains = new[] { "ourtrust.nhs.uk" },
            Limits = InspectionLimits.Default with { TimeBudget = TimeSpan.FromSeconds(timeBudgetSeconds) },
        };
        Pool = new WorkerPool(
            new WorkerPoolOptions(workers, memoryCapBytes, recycleAfter, TimeSpan.FromSeconds(1)) { TestFaults = true },
            Log.Enqueue);
        Inspection = new IsolatedInspection(Policy, Pool, TimeProvider.System);
        Engine = new SecureMailGateEngine(Policy, TimeProvider.System, Inspection);
    }

    public PolicyOptions Policy { get; }

    public WorkerPool Pool { get; }

    public IsolatedInspection Inspection { get; }

    public SecureMailGateEngine Engine { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public Verdict Evaluate(System.IO.Stream mime) =>
        Engine.Evaluate(new MessageEnvelope("clinician@ourtrust.nhs.uk", new[] { "relative@gmail.com" }, mime));

    public void Dispose() => Pool.Dispose();
}
