using System.Collections.Generic;
using System.Linq;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>Behaves like transport's recipient list: removal takes the recipient out and records the DSN.</summary>
internal sealed class FakeRecipientCollection : EnvelopeRecipientCollection
{
    public FakeRecipientCollection(IEnumerable<EnvelopeRecipient> recipients)
    {
        Items = recipients.ToList();
    }

    public List<EnvelopeRecipient> Items { get; }

    public List<RemovedRecipient> Removed { get; } = new();

    public override int Count => Items.Count;

    public override EnvelopeRecipient this[int index] => Items[index];

    public override bool Remove(EnvelopeRecipient recipient, DsnType dsnType, SmtpResponse smtpResponse)
    {
        Removed.Add(new RemovedRecipient(recipient.Address.ToString(), dsnType, smtpResponse));
        return Items.Remove(recipient);
    }

    public IReadOnlyList<string> Addresses => Items.Select(r => r.Address.ToString()).ToList();
}
