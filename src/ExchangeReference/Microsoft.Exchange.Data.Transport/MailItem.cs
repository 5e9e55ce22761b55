using System.IO;
using Microsoft.Exchange.Data.Transport.Email;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade (subset). Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class MailItem
    {
        protected MailItem()
        {
        }

        public abstract RoutingAddress FromAddress { get; set; }

        public abstract EmailMessage Message { get; }

        public abstract EnvelopeRecipientCollection Recipients { get; }

        public abstract Stream GetMimeReadStream();

        public abstract Stream GetMimeWriteStream();
    }
}
