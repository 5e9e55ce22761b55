using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SecureMailGate.Isolation;

/// <summary>One worker process and its pipes (the worker's stdin and stdout; stderr is drained and discarded).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process)
    {
        _process = process;
        Id = process.Id;
    }

    /// <summary>The operating system's process id, for logs.</summary>
    public int Id { get; }

    /// <summary>Messages this worker has answered.</summary>
    public int Served { get; set; }

    public static WorkerProcess Start(ProcessStartInfo startInfo)
    {
        var process = new Process { StartInfo = startInfo };
        process.ErrorDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>The failure reported when the worker ran past its deadline.</summary>
    public const string TimedOut = "exceeded the time budget and grace";

    /// <summary>The failure reported when the worker's working set passed the memory cap.</summary>
    public const string OverMemory = "exceeded the memory cap";

    /// <summary>
    /// Sends one request and waits for the reply under the watchdog. Returns the reply frame, or null with the reason
    /// the worker was killed (the caller must then discard this worker).
    /// </summary>
    public (byte[]? Reply, string? Failure) Exchange(byte[] policy, Action<Stream> writeMime, TimeSpan deadline, long memoryCapBytes, TimeSpan poll, CancellationToken cancellationToken)
    {
        Task<byte[]?> exchange = Task.Run(() =>
        {
            Stream input = _process.StandardInput.BaseStream;
            Frames.Write(input, policy, policy.Length);
            writeMime(input);
            input.Flush();
            return Frames.Read(_process.StandardOutput.BaseStream, Frames.MaxControlFrame);
        });
        var elapsed = Stopwatch.StartNew();
        while (Task.WaitAny(new Task[] { exchange }, poll) < 0)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Kill();
                Observe(exchange);
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (elapsed.Elapsed > deadline)
            {
                return Fail(exchange, TimedOut);
            }

            if (WorkingSet() > memoryCapBytes)
            {
                return Fail(exchange, OverMemory);
            }
        }

        if (exchange.Status == TaskStatus.RanToCompletion && exchange.Result is { } reply)
        {
            return (reply, null);
        }

        return Fail(exchange, "ended unexpectedly" + ExitCode());
    }

    /// <summary>Ends the worker politely (its input closes and it exits), killing it if it does not.</summary>
    public void Close()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
            {
                Kill();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Kill();
        }

        Dispose();
    }

    /// <summary>Kills the worker and anything it started.</summary>
    public void Kill()
    {
        try
        {
#if NETFRAMEWORK
            _process.Kill();
#else
            _process.Kill(entireProcessTree: true);
#endif
            _process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    public void Dispose() => _process.Dispose();

    private (byte[]? Reply, string? Failure) Fail(Task exchange, string reason)
    {
        Kill();
        Observe(exchange);
        return (null, reason);
    }

    private string ExitCode()
    {
        try
        {
            return _process.WaitForExit(1000) ? " (exit code " + _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }
    }

    private long WorkingSet()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>The pipe I/O ends with an error once the worker is dead; observe it so it is not reported as unobserved.</summary>
    private static void Observe(Task exchange)
    {
        try
        {
            exchange.Wait(5000);
        }
        catch (AggregateException)
        {
            // Expected: the pipe broke when the worker died.
        }
    }
}
