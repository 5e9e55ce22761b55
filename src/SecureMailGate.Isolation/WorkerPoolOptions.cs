using System;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation;

/// <summary>How the pool runs its workers. Immutable; equal options can share one pool.</summary>
/// <param name="Workers">Worker processes, so messages inspected at once (at least 1).</param>
/// <param name="MemoryCapBytes">A worker whose working set exceeds this is killed.</param>
/// <param name="RecycleAfter">A worker is replaced after this many messages.</param>
/// <param name="Grace">Added to the policy's time budget before a silent worker is killed.</param>
public sealed record WorkerPoolOptions(int Workers, long MemoryCapBytes, int RecycleAfter, TimeSpan Grace)
{
    /// <summary>
    /// The worker: <c>SecureMailGate.Worker.dll</c> (started with the running <c>dotnet</c> host), an executable
    /// (started directly with <see cref="WorkerArguments"/>), or null for the worker beside this library.
    /// </summary>
    public string? WorkerPath { get; init; }

    /// <summary>Arguments for the worker (e.g. a host that is its own worker); simple words only.</summary>
    public string? WorkerArguments { get; init; }

    /// <summary>How often a busy worker's exit and memory are checked.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Arms the worker's test faults; only tests set this.</summary>
    internal bool TestFaults { get; init; }

    /// <summary>The pool settings of a policy's <c>inspection</c> section.</summary>
    /// <param name="isolation">The settings.</param>
    public static WorkerPoolOptions From(IsolationOptions isolation)
    {
        if (isolation is null)
        {
            throw new ArgumentNullException(nameof(isolation));
        }

        return new WorkerPoolOptions(
            isolation.Workers,
            isolation.MemoryCapMegabytes * 1024L * 1024L,
            isolation.RecycleAfter,
            TimeSpan.FromSeconds(isolation.GraceSeconds));
    }
}
