using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>
/// OnResolvedMessage's source, with Fork as exchange-api.md §5.3 describes it (the current mail item keeps the listed
/// recipients; a clone of its content at that moment holds the rest and is queued for OnRoutedMessage) and Defer as
/// §5.5 does (the item goes back to its queued state and may not be touched again in this event).
/// </summary>
internal sealed class FakeResolvedSource : ResolvedMessageEventSource
{
    private readonly FakeMailItem current;

    public FakeResolvedSource(FakeMailItem current)
    {
        this.current = current;
    }

    public List<TimeSpan> Deferrals { get; } = new();

    public List<FakeMailItem> ForkedCopies { get; } = new();

    public Dictionary<string, RoutingOverride> RoutingOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Exception? ForkFailure { get; set; }

    public Exception? RoutingOverrideFailure { get; set; }

    public override void Defer(TimeSpan waitTime)
    {
        Deferrals.Add(waitTime);
        current.Defer();
    }

    public override void Fork(IList<EnvelopeRecipient> recipients)
    {
        if (ForkFailure is not null)
        {
            throw ForkFailure;
        }

        var keep = current.RecipientList.Items.Where(recipients.Contains).ToList();
        var rest = current.RecipientList.Items.Except(keep).ToList();
        current.RecipientList.Items.Clear();
        current.RecipientList.Items.AddRange(keep);
        ForkedCopies.Add(new FakeMailItem(current.FromAddress.ToString(), rest, (byte[])current.Content.Clone()));
    }

    public override void SetRoutingOverride(EnvelopeRecipient recipient, RoutingOverride routingOverride)
    {
        if (RoutingOverrideFailure is not null)
        {
            throw RoutingOverrideFailure;
        }

        RoutingOverrides[recipient.Address.ToString()] = routingOverride;
    }
}
