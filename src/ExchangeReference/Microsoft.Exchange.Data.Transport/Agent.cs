namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade of the base class of every transport agent.</summary>
    public abstract class Agent
    {
        protected Agent()
        {
        }

        /// <summary>Real: marks the running handler asynchronous. Facade: not available outside Exchange.</summary>
        protected AgentAsyncContext GetAgentAsyncContext() => throw FacadeOnly.Member();
    }
}
