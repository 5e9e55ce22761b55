using System;
using System.Threading;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>
    /// Facade of the asynchronous handler state. Real constructor is internal; protected internal here so tests can
    /// subclass and <see cref="Agent.GetAgentAsyncContext"/> can hand one out.
    /// As in Exchange, completing the same context twice throws InvalidOperationException.
    /// </summary>
    public class AgentAsyncContext
    {
        private int completed;

        protected internal AgentAsyncContext()
        {
        }

        public virtual void Complete()
        {
            if (Interlocked.Exchange(ref completed, 1) != 0)
            {
                throw new InvalidOperationException("The asynchronous context has already been completed.");
            }
        }

        public virtual void Resume()
        {
        }
    }
}
