namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade of a per-recipient routing override (a value carrier).</summary>
    public class RoutingOverride
    {
        public RoutingOverride(RoutingDomain routingDomain, DeliveryQueueDomain deliveryQueueDomain)
        {
            RoutingDomain = routingDomain;
            DeliveryQueueDomain = deliveryQueueDomain;
        }

        public DeliveryQueueDomain DeliveryQueueDomain { get; }

        public RoutingDomain RoutingDomain { get; }
    }
}
