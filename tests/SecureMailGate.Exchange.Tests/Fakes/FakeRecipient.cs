using Microsoft.Exchange.Data.Transport;

namespace SecureMailGate.Exchange.Tests.Fakes;

internal sealed class FakeRecipient : EnvelopeRecipient
{
    public FakeRecipient(string address)
    {
        Address = new RoutingAddress(address);
    }

    public override RoutingAddress Address { get; set; }
}
