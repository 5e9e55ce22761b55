namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade. Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class EnvelopeRecipient
    {
        protected EnvelopeRecipient()
        {
        }

        public abstract RoutingAddress Address { get; set; }
    }
}
