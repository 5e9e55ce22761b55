namespace Microsoft.Exchange.Data.Transport.Routing
{
    public abstract class RoutingAgentFactory : AgentFactory
    {
        protected RoutingAgentFactory()
        {
        }

        public abstract RoutingAgent CreateAgent(SmtpServer server);
    }
}
