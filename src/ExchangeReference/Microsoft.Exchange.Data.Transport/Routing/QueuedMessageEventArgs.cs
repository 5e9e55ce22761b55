using System;

namespace Microsoft.Exchange.Data.Transport.Routing
{
    /// <summary>Facade. Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class QueuedMessageEventArgs : EventArgs
    {
        protected QueuedMessageEventArgs()
        {
        }

        public abstract MailItem MailItem { get; }
    }
}
