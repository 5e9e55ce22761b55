namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade (subset: Count and the indexer). Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class ReadOnlyEnvelopeRecipientCollection
    {
        protected ReadOnlyEnvelopeRecipientCollection()
        {
        }

        public abstract int Count { get; }

        public abstract EnvelopeRecipient this[int index] { get; }
    }
}
