namespace SecureMailGate.Core.Policy;

/// <summary>How inspection is isolated from the host (POLICY §7 <c>inspection</c>).</summary>
/// <param name="Mode"><c>process</c> (default) or <c>inproc</c>.</param>
/// <param name="Workers">Worker processes in the pool: at most this many messages are inspected at once.</param>
/// <param name="MemoryCapMegabytes">A worker whose working set exceeds this is killed.</param>
/// <param name="RecycleAfter">A worker is replaced after inspecting this many messages.</param>
/// <param name="GraceSeconds">
/// Added to <c>limits.timeBudgetSeconds</c>: a worker that has not answered by then is killed. The budget itself is
/// enforced inside the worker; the grace covers a worker that no longer checks it.
/// </param>
public sealed record IsolationOptions(
    IsolationMode Mode = IsolationMode.Process,
    int Workers = 2,
    int MemoryCapMegabytes = 1024,
    int RecycleAfter = 1000,
    int GraceSeconds = 5)
{
    /// <summary>The defaults: two worker processes, 1 GB each, recycled every 1000 messages, 5 s grace.</summary>
    public static IsolationOptions Default { get; } = new();
}
