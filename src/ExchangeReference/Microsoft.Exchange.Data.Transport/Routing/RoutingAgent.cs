namespace Microsoft.Exchange.Data.Transport.Routing
{
    /// <summary>
    /// Facade (subset). The events keep their subscribers (in private fields) so an agent can be constructed
    /// in tests, and a test can raise them by reflection; only Exchange raises them for real.
    /// </summary>
    public abstract class RoutingAgent : Agent
    {
        private ResolvedMessageEventHandler onResolvedMessage;
        private RoutedMessageEventHandler onRoutedMessage;

        protected RoutingAgent()
        {
        }

        protected event ResolvedMessageEventHandler OnResolvedMessage
        {
            add => onResolvedMessage += value;
            remove => onResolvedMessage -= value;
        }

        protected event RoutedMessageEventHandler OnRoutedMessage
        {
            add => onRoutedMessage += value;
            remove => onRoutedMessage -= value;
        }
    }
}
