using System;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Runs work on a thread with the 1 MB stack Windows gives Exchange transport threads. A stack overflow cannot be
/// caught: if a hostile input still recursed, it would end the test host, which fails the run as visibly as it
/// would end the Transport service.
/// </summary>
internal static class SmallStack
{
    /// <summary>The stack size of an Exchange transport thread.</summary>
    public const int TransportStackBytes = 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        StackThread.Run(() => result = work(), TransportStackBytes);
        return result;
    }
}
