namespace Microsoft.Exchange.Data.Transport.Routing
{
    /// <summary>Facade (subset). Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class ResolvedMessageEventSource : QueuedMessageEventSource
    {
        protected ResolvedMessageEventSource()
        {
        }

        public abstract void SetRoutingOverride(EnvelopeRecipient recipient, RoutingOverride routingOverride);
    }
}
