using System;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Transport.Routing
{
    /// <summary>Facade (subset). Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class QueuedMessageEventSource
    {
        protected QueuedMessageEventSource()
        {
        }

        public abstract void Defer(TimeSpan waitTime);

        public abstract void Fork(IList<EnvelopeRecipient> recipients);
    }
}
