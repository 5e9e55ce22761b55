using System;
using System.Collections.Generic;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;

namespace SecureMailGate.Exchange.Tests.Fakes;

internal sealed class FakeRoutedSource : RoutedMessageEventSource
{
    public List<TimeSpan> Deferrals { get; } = new();

    public int Forks { get; private set; }

    public override void Defer(TimeSpan waitTime) => Deferrals.Add(waitTime);

    public override void Fork(IList<EnvelopeRecipient> recipients) => Forks++;
}
