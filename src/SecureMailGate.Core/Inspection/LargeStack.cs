using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Runs a third-party parser on a thread of its own with a large stack, and waits for it. A stack overflow cannot
/// be caught and ends the process; the structural checks before each parser are the fix, this is the second fence
/// for recursion they do not foresee. Exceptions come back to the caller unchanged.
/// </summary>
internal static class LargeStack
{
    /// <summary>16 MiB: sixteen times an Exchange transport thread's 1 MiB, reserved (not committed) while it runs.</summary>
    public const int StackBytes = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a new thread with <see cref="StackBytes"/> of stack and waits for it to end.</summary>
    /// <param name="work">What to run; it must not need the caller's thread (the inspection is not thread-bound).</param>
    public static void Run(Action work)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
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
            StackBytes)
        {
            IsBackground = true,
            Name = "SecureMailGate parser",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
