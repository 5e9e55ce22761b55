using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>
/// Behaves like transport's recipient list: removal takes the recipient out and sends the DSN. The DSNs sent are
/// kept across Defer, as the sender has them already.
/// </summary>
internal sealed class FakeRecipientCollection : EnvelopeRecipientCollection
{
    public FakeRecipientCollection(IEnumerable<EnvelopeRecipient> recipients)
    {
        Items = recipients.ToList();
    }

    public List<EnvelopeRecipient> Items { get; }

    public List<RemovedRecipient> Removed { get; } = new();

    /// <summary>When set, the removal of the recipient with this address throws.</summary>
    public string? FailToRemove { get; set; }

    public override int Count => Items.Count;

    public override EnvelopeRecipient this[int index] => Items[index];

    public override bool Remove(EnvelopeRecipient recipient, DsnType dsnType, SmtpResponse smtpResponse)
    {
        if (string.Equals(recipient.Address.ToString(), FailToRemove, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("transport could not remove the recipient");
        }

        Removed.Add(new RemovedRecipient(recipient.Address.ToString(), dsnType, smtpResponse));
        return Items.Remove(recipient);
    }

    public IReadOnlyList<string> Addresses => Items.Select(r => r.Address.ToString()).ToList();
}
