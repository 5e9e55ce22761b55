using System;
using System.Collections.Generic;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;

namespace SecureMailGate.Exchange.Tests.Fakes;

internal sealed class FakeRoutedSource : RoutedMessageEventSource
{
    private readonly FakeMailItem? current;

    public FakeRoutedSource(FakeMailItem? current = null)
    {
        this.current = current;
    }

    public List<TimeSpan> Deferrals { get; } = new();

    public int Forks { get; private set; }

    public override void Defer(TimeSpan waitTime)
    {
        Deferrals.Add(waitTime);
        current?.Defer();
    }

    public override void Fork(IList<EnvelopeRecipient> recipients) => Forks++;
}
