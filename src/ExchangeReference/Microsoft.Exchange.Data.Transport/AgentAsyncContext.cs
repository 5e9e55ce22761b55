using System;
using System.Threading;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>
    /// Facade of the asynchronous handler state. Real constructor is internal; protected here so tests can subclass.
    /// As in Exchange, completing the same context twice throws InvalidOperationException.
    /// </summary>
    public class AgentAsyncContext
    {
        private int completed;

        protected AgentAsyncContext()
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
