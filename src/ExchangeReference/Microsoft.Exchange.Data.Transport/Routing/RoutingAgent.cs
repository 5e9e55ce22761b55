using System;

namespace Microsoft.Exchange.Data.Transport.Routing
{
    /// <summary>
    /// Facade (subset). The events keep their subscriber (in private fields) so an agent can be constructed in tests
    /// and a test can raise them by reflection; only Exchange raises them for real. As in Exchange, subscribing to
    /// the same event twice throws InvalidOperationException.
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
            add => onResolvedMessage = Subscribe(onResolvedMessage, value);
            remove => onResolvedMessage -= value;
        }

        protected event RoutedMessageEventHandler OnRoutedMessage
        {
            add => onRoutedMessage = Subscribe(onRoutedMessage, value);
            remove => onRoutedMessage -= value;
        }

        private static T Subscribe<T>(T current, T value)
            where T : Delegate
        {
            if (current != null)
            {
                throw new InvalidOperationException("This agent has already subscribed to the event.");
            }

            return value;
        }
    }
}
