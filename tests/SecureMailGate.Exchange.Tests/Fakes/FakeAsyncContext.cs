using System;
using System.Collections.Generic;
using Microsoft.Exchange.Data.Transport;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>
/// One handler's async context. The facade's Complete() throws when called twice, as Exchange's does; this records
/// each call (and each second completion) so a test sees the agent's use of it.
/// </summary>
internal sealed class FakeAsyncContext : AgentAsyncContext
{
    private readonly List<string> calls;

    public FakeAsyncContext(List<string> calls, Exception? resumeFailure = null)
    {
        this.calls = calls;
        ResumeFailure = resumeFailure;
    }

    public Exception? ResumeFailure { get; }

    public override void Resume()
    {
        calls.Add("resume");
        if (ResumeFailure is not null)
        {
            throw ResumeFailure;
        }

        base.Resume();
    }

    public override void Complete()
    {
        calls.Add("complete");
        try
        {
            base.Complete();
        }
        catch (InvalidOperationException)
        {
            calls.Add("completed twice");
            throw;
        }
    }
}
