using Microsoft.Exchange.Data.Transport.Smtp;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade (subset). Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class EnvelopeRecipientCollection : ReadOnlyEnvelopeRecipientCollection
    {
        protected EnvelopeRecipientCollection()
        {
        }

        public abstract bool Remove(EnvelopeRecipient recipient, DsnType dsnType, SmtpResponse smtpResponse);
    }
}
