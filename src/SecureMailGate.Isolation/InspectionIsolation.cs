using System;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation;

/// <summary>
/// What a host keeps for its lifetime to honour <c>inspection.isolation</c>: one <see cref="WorkerPool"/> shared by
/// every policy it loads (replaced when a reload changes the pool's settings; the old pool's busy workers finish
/// their message first). Thread-safe; disposing ends every worker.
/// </summary>
public sealed class InspectionIsolation : IDisposable
{
    private readonly Action<string>? _log;
    private readonly Func<WorkerPoolOptions, WorkerPoolOptions> _adjust;
    private readonly object _gate = new();
    private WorkerPool? _pool;
    private bool _disposed;

    /// <summary>Creates the holder; no worker starts until a message needs one.</summary>
    /// <param name="log">Receives one content-free line per worker that was killed; null for none.</param>
    /// <param name="adjust">Adjusts the pool settings derived from a policy (e.g. how to start the worker); null for none.</param>
    public InspectionIsolation(Action<string>? log = null, Func<WorkerPoolOptions, WorkerPoolOptions>? adjust = null)
    {
        _log = log;
        _adjust = adjust ?? (o => o);
    }

    /// <summary>The pool currently in use, or null before the first policy that isolates.</summary>
    public WorkerPool? Pool
    {
        get
        {
            lock (_gate)
            {
                return _pool;
            }
        }
    }

    /// <summary>The engine for a policy: inspection in worker processes, or in this process for <c>inproc</c>.</summary>
    /// <param name="options">The policy.</param>
    /// <param name="clock">Time source.</param>
    public SecureMailGateEngine CreateEngine(PolicyOptions options, TimeProvider clock) =>
        new(options ?? throw new ArgumentNullException(nameof(options)), clock, For(options, clock));

    /// <summary>The inspection for a policy.</summary>
    /// <param name="options">The policy.</param>
    /// <param name="clock">Time source.</param>
    public IMessageInspection For(PolicyOptions options, TimeProvider clock)
    {
        if (options is null || clock is null)
        {
            throw new ArgumentNullException(options is null ? nameof(options) : nameof(clock));
        }

        if (options.Isolation.Mode == IsolationMode.InProcess)
        {
            return new InProcessInspection(new MessageInspector(options, null, clock));
        }

        WorkerPoolOptions wanted = _adjust(WorkerPoolOptions.From(options.Isolation));
        WorkerPool? retired = null;
        WorkerPool pool;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(InspectionIsolation));
            }

            if (_pool is null || _pool.Options != wanted)
            {
                retired = _pool;
                _pool = new WorkerPool(wanted, _log);
            }

            pool = _pool;
        }

        retired?.Dispose();
        return new IsolatedInspection(options, pool, clock);
    }

    /// <summary>Ends every worker.</summary>
    public void Dispose()
    {
        WorkerPool? pool;
        lock (_gate)
        {
            _disposed = true;
            pool = _pool;
            _pool = null;
        }

        pool?.Dispose();
    }
}
