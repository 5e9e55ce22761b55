using System;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;
using Microsoft.Exchange.Data.Transport.Smtp;
using NUnit.Framework;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// The facade refuses what the real Exchange types refuse (measured against Exchange 2013 CU23), so the ordinary
/// test run fails where a live server would.
/// </summary>
[TestFixture]
public sealed class FacadeBehaviourTests
{
    [TestCase("55", "5.7.1", "text", TestName = "SmtpResponse: a status code that is not three digits")]
    [TestCase("550", "6.7.1", "text", TestName = "SmtpResponse: an enhanced code not starting 2, 4 or 5")]
    [TestCase("550", "5.7", "text", TestName = "SmtpResponse: an enhanced code without three parts")]
    [TestCase("550", "5.1234.1", "text", TestName = "SmtpResponse: an enhanced code part over three digits")]
    [TestCase("550", "5.7.1", "caf\u00e9", TestName = "SmtpResponse: non-ASCII text")]
    [TestCase("550", "5.7.1", "a\0b", TestName = "SmtpResponse: a NUL in the text")]
    public void SmtpResponse_refuses_what_Exchange_2013_refuses(string status, string enhanced, string text)
    {
        Assert.Throws<FormatException>(() => _ = new SmtpResponse(status, enhanced, null, true, text));
    }

    [Test]
    public void SmtpResponse_equality_compares_only_the_codes()
    {
        Assert.That(new SmtpResponse("550", "5.7.1", "one"), Is.EqualTo(new SmtpResponse("550", "5.7.1", "two")));
    }

    [TestCase("Encryption Gateway")]
    [TestCase("securemailgate.encrypt.")]
    [TestCase("*.contoso.com")]
    [TestCase("bücher.de")]
    [TestCase("")]
    public void RoutingDomain_refuses_what_Exchange_cannot_read(string value)
    {
        Assert.Throws<FormatException>(() => _ = new RoutingDomain(value));
    }

    [Test]
    public void RoutingDomain_reads_a_colon_as_a_routing_type_so_a_port_becomes_the_domain()
    {
        var domain = new RoutingDomain("relay.contoso.com:25");

        Assert.Multiple(() =>
        {
            Assert.That(domain.Type, Is.EqualTo("relay.contoso.com"));
            Assert.That(domain.Domain, Is.EqualTo("25"));
        });
    }

    [Test]
    public void RoutingOverride_refuses_alternate_hosts_without_hosts()
    {
        Assert.Throws<ArgumentException>(() => _ = new RoutingOverride(new RoutingDomain("securemailgate.encrypt"), DeliveryQueueDomain.UseAlternateDeliveryRoutingHosts));
    }

    [Test]
    public void An_agent_that_subscribes_to_the_same_event_twice_fails_as_in_Exchange()
    {
        Assert.Throws<InvalidOperationException>(() => _ = new TwiceSubscribingAgent());
    }

    [Test]
    public void Completing_an_async_context_twice_fails_as_in_Exchange()
    {
        var context = new FakeAsyncContext(new());
        context.Complete();

        Assert.Throws<InvalidOperationException>(context.Complete);
    }

    [Test]
    public void A_deferred_item_cannot_be_touched_again()
    {
        var item = Messages.Item("patient.relative@gmail.com");
        var message = item.Message;
        new FakeResolvedSource(item).Defer(TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.Throws<NullReferenceException>(() => _ = item.Recipients);
            Assert.Throws<NullReferenceException>(() => _ = message.Subject);
        });
    }

    private sealed class TwiceSubscribingAgent : RoutingAgent
    {
        public TwiceSubscribingAgent()
        {
            OnResolvedMessage += (_, _) => { };
            OnResolvedMessage += (_, _) => { };
        }
    }
}
