using System;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade of the asynchronous handler state. Real constructor is internal; protected here so tests can subclass.</summary>
    public class AgentAsyncContext
    {
        protected AgentAsyncContext()
        {
        }

        public virtual void Complete() => throw FacadeOnly.Member();

        public virtual void Resume() => throw FacadeOnly.Member();
    }
}
