using Microsoft.Exchange.Data.Transport.Email;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade (subset). Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class SmtpServer
    {
        protected SmtpServer()
        {
        }

        public abstract AcceptedDomainCollection AcceptedDomains { get; }

        public abstract void SubmitMessage(EmailMessage message);
    }
}
