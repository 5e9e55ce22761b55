using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Isolation;

/// <summary>
/// A small pool of inspection worker processes. Each request takes a free worker (waiting while all are busy), sends it
/// the policy and the message over the worker's stdin and reads the findings from its stdout; stdio pipes have no
/// names and bind to nothing. A worker that dies, outlives the time budget plus the grace, or exceeds the memory cap is
/// killed; its message gets an <c>inspection-limit</c> finding, one line is logged (worker id, message id, reason; no
/// content), and a new worker starts with the next request. Workers are replaced after <see cref="WorkerPoolOptions.RecycleAfter"/>
/// messages. Thread-safe; <see cref="Dispose"/> ends every worker (busy ones when they finish).
/// </summary>
public sealed class WorkerPool : IDisposable
{
    /// <summary>File name of the worker beside this library.</summary>
#if NETFRAMEWORK
    public const string WorkerFileName = "SecureMailGate.Worker.exe";
#else
    public const string WorkerFileName = "SecureMailGate.Worker.dll";
#endif

    private readonly Action<string> _log;
    private readonly SemaphoreSlim _slots;
    private readonly Stack<WorkerProcess> _idle = new();
    private readonly object _gate = new();
    private readonly string _workerPath;
    private int _started;
    private bool _disposed;

    /// <summary>Creates the pool; workers start when first needed.</summary>
    /// <param name="options">Pool size, memory cap, recycling and grace.</param>
    /// <param name="log">Receives one line per worker that was killed; never content. Null for none.</param>
    public WorkerPool(WorkerPoolOptions options, Action<string>? log = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Workers < 1 || options.RecycleAfter < 1 || options.MemoryCapBytes < 1 || options.Grace < TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Workers, recycle count, memory cap and poll interval must be positive, and the grace not negative.");
        }

        _log = log ?? (_ => { });
        _slots = new SemaphoreSlim(options.Workers, options.Workers);
#if NETFRAMEWORK
        // The agent's folder: Exchange loads the agent from there, while the process's base folder is Transport's own.
        string folder = Path.GetDirectoryName(typeof(WorkerPool).Assembly.Location) ?? AppContext.BaseDirectory;
#else
        string folder = AppContext.BaseDirectory;
#endif
        _workerPath = options.WorkerPath ?? Path.Combine(folder, WorkerFileName);
    }

    /// <summary>The pool's settings.</summary>
    public WorkerPoolOptions Options { get; }

    /// <summary>How many worker processes this pool has started so far.</summary>
    public int WorkersStarted => Volatile.Read(ref _started);

    /// <summary>Ends every idle worker now and every busy one when its message is done.</summary>
    public void Dispose()
    {
        WorkerProcess[] idle;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = _idle.ToArray();
            _idle.Clear();
        }

        foreach (WorkerProcess worker in idle)
        {
            worker.Close();
        }
    }

    /// <summary>Inspects one message in a worker.</summary>
    /// <param name="policy">The <see cref="WorkerPolicy"/> as UTF-8 JSON.</param>
    /// <param name="timeBudget">The policy's time budget; the worker is killed after it plus the grace.</param>
    /// <param name="writeMime">Writes the message to the worker's pipe (with <see cref="Frames.WriteChunked"/>).</param>
    /// <param name="messageId">The message's id if known, for the log line only.</param>
    /// <param name="cancellationToken">Stops waiting; a busy worker is killed.</param>
    internal InspectedMessage Inspect(byte[] policy, TimeSpan timeBudget, Action<Stream> writeMime, string? messageId, CancellationToken cancellationToken)
    {
        _slots.Wait(cancellationToken);
        try
        {
            WorkerProcess worker = TakeIdle() ?? StartWorker();
            byte[]? reply;
            string? failure;
            try
            {
                (reply, failure) = worker.Exchange(policy, writeMime, timeBudget + Options.Grace, Options.MemoryCapBytes, Options.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                worker.Dispose();
                throw;
            }

            WorkerReply? answer = null;
            if (reply is not null)
            {
                try
                {
                    answer = JsonSerializer.Deserialize<WorkerReply>(reply);
                }
                catch (JsonException)
                {
                    failure = "sent a reply that is not the protocol";
                }
            }

            if (answer is null)
            {
                worker.Kill();
                worker.Dispose();
                _log(string.Format(CultureInfo.InvariantCulture, "Inspection worker {0} {1} while inspecting message {2}; it was killed and the message is treated as sensitive (inspection-limit).", worker.Id, failure ?? "sent an empty reply", messageId ?? "(no id)"));
                string reason = failure switch
                {
                    WorkerProcess.TimedOut => FindingReasons.TimeBudget,
                    WorkerProcess.OverMemory => FindingReasons.MemoryCap,
                    _ => FindingReasons.WorkerFailed,
                };
                return InspectedMessage.Limit(messageId, reason);
            }

            worker.Served++;
            if (answer.Retiring)
            {
                // It reached its heap cap and ends by itself: let it go rather than hand it the next message.
                _log(string.Format(CultureInfo.InvariantCulture, "Inspection worker {0} reached its memory cap while inspecting message {1}; the message is treated as sensitive (inspection-limit) and the worker is replaced.", worker.Id, messageId ?? "(no id)"));
                worker.Close();
            }
            else
            {
                Return(worker);
            }

            return answer.ToInspected();
        }
        finally
        {
            _slots.Release();
        }
    }

    private WorkerProcess? TakeIdle()
    {
        lock (_gate)
        {
            // A pool retired by a configuration reload may still be handed a message that was already on its way:
            // it gets a worker of its own (closed after it answers) rather than an error that would defer the mail.
            return !_disposed && _idle.Count > 0 ? _idle.Pop() : null;
        }
    }

    private void Return(WorkerProcess worker)
    {
        lock (_gate)
        {
            if (!_disposed && worker.Served < Options.RecycleAfter)
            {
                _idle.Push(worker);
                return;
            }
        }

        worker.Close();
    }

    /// <summary>The environment variable the .NET runtime reads for a hard limit on the GC heap.</summary>
    public const string HeapHardLimitVariable = "DOTNET_GCHeapHardLimit";

    /// <summary>
    /// The managed heap a worker may use under a working-set cap: three quarters of it, leaving the rest for the
    /// runtime, native buffers and the message's own bytes, and never less than 32 MiB.
    /// </summary>
    /// <param name="memoryCapBytes">The working-set cap.</param>
    /// <returns>The heap limit in bytes.</returns>
    public static long HeapHardLimit(long memoryCapBytes) => Math.Max(32L * 1024 * 1024, memoryCapBytes / 4 * 3);

    private WorkerProcess StartWorker()
    {
        if (!File.Exists(_workerPath))
        {
            throw new InvalidOperationException($"The inspection worker {_workerPath} is missing; reinstall, or set inspection.isolation to \"inproc\".");
        }

#if NETFRAMEWORK
        var start = new ProcessStartInfo(_workerPath, Options.WorkerArguments ?? string.Empty);
#else
        bool assembly = _workerPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        string arguments = Options.WorkerArguments ?? string.Empty;
        var start = new ProcessStartInfo(assembly ? DotnetHost() : _workerPath, assembly ? ("\"" + _workerPath + "\" " + arguments).TrimEnd() : arguments);
#endif
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetDirectoryName(_workerPath) ?? ".";
        start.Environment.Remove(WorkerServer.TestFaultsVariable);

        // A hard cap on the worker's managed heap, below the working-set cap the watchdog polls: the runtime itself
        // refuses the allocation that would pass it (OutOfMemoryException, reported as memory-cap), so no input can
        // balloon between two polls. Read by .NET (Core) workers; a .NET Framework worker relies on the watchdog alone.
        start.Environment[HeapHardLimitVariable] = "0x" + HeapHardLimit(Options.MemoryCapBytes).ToString("X", CultureInfo.InvariantCulture);
        if (Options.TestFaults)
        {
            start.Environment[WorkerServer.TestFaultsVariable] = "1";
        }

        WorkerProcess worker = WorkerProcess.Start(start);
        Interlocked.Increment(ref _started);
        return worker;
    }

#if !NETFRAMEWORK
    /// <summary>The <c>dotnet</c> host of the running runtime (its root is three folders above the shared framework).</summary>
    private static string DotnetHost()
    {
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime.TrimEnd(Path.DirectorySeparatorChar))));
        string candidate = root is null ? name : Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }
#endif
}
