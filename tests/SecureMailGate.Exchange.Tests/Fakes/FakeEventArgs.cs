using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;

namespace SecureMailGate.Exchange.Tests.Fakes;

internal sealed class FakeEventArgs : QueuedMessageEventArgs
{
    public FakeEventArgs(MailItem mailItem)
    {
        MailItem = mailItem;
    }

    public override MailItem MailItem { get; }
}
