namespace Microsoft.Exchange.Data.Transport
{
    public enum DeliveryQueueDomain
    {
        UseOverrideDomain = 0,
        UseRecipientDomain = 1,
        UseAlternateDeliveryRoutingHosts = 2,
    }
}
