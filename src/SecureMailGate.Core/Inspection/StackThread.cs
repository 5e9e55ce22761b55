using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Runs work on a thread of its own with a stack of a chosen size, and waits for it; exceptions come back to the
/// caller unchanged. Third-party parsers run on <see cref="LargeStackBytes"/>: a stack overflow cannot be caught and
/// ends the process, and while the structural checks before each parser are the fix, this is the second fence for
/// recursion they do not foresee.
/// </summary>
internal static class StackThread
{
    /// <summary>16 MiB: sixteen times an Exchange transport thread's 1 MiB, reserved (not committed) while it runs.</summary>
    public const int LargeStackBytes = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a new thread with <paramref name="stackBytes"/> of stack and waits for it to end.</summary>
    /// <param name="work">What to run; it must not need the caller's thread (the inspection is not thread-bound).</param>
    /// <param name="stackBytes">The thread's stack size.</param>
    public static void Run(Action work, int stackBytes = LargeStackBytes)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        if (stackBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stackBytes));
        }

        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    work();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            stackBytes)
        {
            IsBackground = true,
            Name = "SecureMailGate inspection",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
