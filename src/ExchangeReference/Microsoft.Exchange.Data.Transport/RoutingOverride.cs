using System;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>
    /// Facade of a per-recipient routing override. As in Exchange, UseAlternateDeliveryRoutingHosts needs hosts, and
    /// this constructor takes none, so it throws ArgumentException for that value.
    /// </summary>
    public class RoutingOverride
    {
        public RoutingOverride(RoutingDomain routingDomain, DeliveryQueueDomain deliveryQueueDomain)
        {
            if (deliveryQueueDomain == DeliveryQueueDomain.UseAlternateDeliveryRoutingHosts)
            {
                throw new ArgumentException("The provided delivery queue domain value UseAlternateDeliveryRoutingHosts is only valid when you specify alternate delivery hosts.");
            }

            RoutingDomain = routingDomain;
            DeliveryQueueDomain = deliveryQueueDomain;
        }

        public DeliveryQueueDomain DeliveryQueueDomain { get; }

        public RoutingDomain RoutingDomain { get; }
    }
}
