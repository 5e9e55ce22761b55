using System;
using System.Collections.Generic;
using NLog;

namespace SecureMailGate.Exchange;

/// <summary>
/// Knows whether the audit trail can be written (POLICY §5): checked when transport loads the agent and, while it
/// cannot, again at most once per recheck interval from message traffic, so an administrator who fixes the folder or
/// NLog.config sees mail flow again without a restart. While it cannot, every message follows the failure mode, as
/// a record that could not be written would. Once it can, the audit logger itself reports a failed write. Thread-safe.
/// </summary>
internal sealed class AuditTrailGuard
{
    private readonly Func<IReadOnlyList<string>> check;
    private readonly ILogger log;
    private readonly TimeProvider clock;
    private readonly TimeSpan recheckInterval;
    private readonly Action<string>? alarm;
    private readonly object gate = new();
    private string? problem;
    private long checkedAt;

    /// <param name="check">The problems of the audit trail as configured (empty when it can be written).</param>
    /// <param name="log">Operational log: problems go there as errors (and so to the Event Log).</param>
    /// <param name="clock">Time source for the interval.</param>
    /// <param name="recheckInterval">Least time between two checks while there is a problem.</param>
    /// <param name="alarm">Also told of each new problem, for when the logging configuration itself is what is broken
    /// (the agent writes it to the Windows Event Log directly).</param>
    public AuditTrailGuard(Func<IReadOnlyList<string>> check, ILogger log, TimeProvider clock, TimeSpan recheckInterval, Action<string>? alarm = null)
    {
        this.alarm = alarm;
        this.check = check ?? throw new ArgumentNullException(nameof(check));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.recheckInterval = recheckInterval;
        lock (gate)
        {
            Check();
        }
    }

    /// <summary>A guard for a trail that is known to work (tests, hosts that audit elsewhere).</summary>
    public static AuditTrailGuard AlwaysWritable(ILogger log) => new(() => Array.Empty<string>(), log, TimeProvider.System, TimeSpan.Zero);

    /// <summary>Why the audit trail cannot be written now, or null when it can.</summary>
    public string? Problem
    {
        get
        {
            lock (gate)
            {
                if (problem is not null && clock.GetElapsedTime(checkedAt) >= recheckInterval)
                {
                    Check();
                }

                return problem;
            }
        }
    }

    private void Check()
    {
        checkedAt = clock.GetTimestamp();
        IReadOnlyList<string> problems;
        try
        {
            problems = check();
        }
        catch (Exception ex)
        {
            problems = new[] { "the logging configuration could not be checked: " + ex.Message };
        }

        var had = problem;
        problem = problems.Count == 0 ? null : string.Join(" ", problems);
        if (problem is not null && problem != had)
        {
            log.Error("The audit trail cannot be written, so every message follows failureMode until it can: {Problem} Fix NLog.config or the audit folder; the agent checks again every {Seconds} seconds.", problem, recheckInterval.TotalSeconds);
            try
            {
                alarm?.Invoke($"SecureMailGate: the audit trail cannot be written, so every message follows failureMode (by default it is held in the queue) until it can: {problem} Fix NLog.config or the audit folder; the agent checks again every {recheckInterval.TotalSeconds} seconds.");
            }
            catch (Exception)
            {
                // The alarm is a second channel; it must never stop the agent from loading.
            }
        }
        else if (problem is null && had is not null)
        {
            log.Info("The audit trail can be written again; messages are checked as usual.");
        }
    }
}
