namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade of the base class of every transport agent.</summary>
    public abstract class Agent
    {
        protected Agent()
        {
        }

        /// <summary>Marks the running handler asynchronous: transport goes on only when the context is completed.</summary>
        protected AgentAsyncContext GetAgentAsyncContext() => new AgentAsyncContext();
    }
}
