using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Jint;
using Jint.Native;

namespace SecureMailGate.OutlookAddin.Tests.Support;

/// <summary>
/// A single-threaded event loop for Jint, as a JavaScript runtime has: timers (setTimeout) in real time, work posted
/// from other threads (HTTP answers) run on the loop's thread, and promise jobs drained after each task.
/// </summary>
public sealed class JsEventLoop : IDisposable
{
    private readonly Engine _engine;
    private readonly BlockingCollection<Action> _posted = new();
    private readonly List<(int Id, long Due, JsValue Callback)> _timers = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _nextTimer;

    /// <summary>Creates the loop for an engine.</summary>
    /// <param name="engine">The engine every task runs on.</param>
    public JsEventLoop(Engine engine)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
    }

    /// <summary>setTimeout: runs <paramref name="callback"/> after <paramref name="milliseconds"/>.</summary>
    public int SetTimeout(JsValue callback, double milliseconds)
    {
        int id = ++_nextTimer;
        _timers.Add((id, _clock.ElapsedMilliseconds + (long)Math.Max(0, milliseconds), callback));
        return id;
    }

    /// <summary>clearTimeout.</summary>
    public void ClearTimeout(double id) => _timers.RemoveAll(t => t.Id == (int)id);

    /// <summary>Queues work from any thread to run on the loop.</summary>
    public void Post(Action work) => _posted.Add(work);

    /// <summary>Runs tasks until <paramref name="done"/> holds.</summary>
    /// <param name="done">Stops the loop.</param>
    /// <param name="limit">Most time to run; then <see cref="TimeoutException"/>.</param>
    public void RunUntil(Func<bool> done, TimeSpan limit)
    {
        long stop = _clock.ElapsedMilliseconds + (long)limit.TotalMilliseconds;
        while (!done())
        {
            long now = _clock.ElapsedMilliseconds;
            if (now > stop)
            {
                throw new TimeoutException($"The handler did not finish within {limit.TotalSeconds} s.");
            }

            if (_posted.TryTake(out Action? work))
            {
                Run(work);
                continue;
            }

            var due = _timers.Where(t => t.Due <= now).OrderBy(t => t.Due).ThenBy(t => t.Id).FirstOrDefault();
            if (due.Callback is not null)
            {
                _timers.RemoveAll(t => t.Id == due.Id);
                Run(() => _engine.Invoke(due.Callback));
                continue;
            }

            long next = _timers.Count > 0 ? _timers.Min(t => t.Due) : now + 50;
            if (_posted.TryTake(out work, (int)Math.Clamp(next - now, 1, 50)))
            {
                Run(work);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _posted.Dispose();

    private void Run(Action work)
    {
        work();
        _engine.Advanced.ProcessTasks();
    }
}
