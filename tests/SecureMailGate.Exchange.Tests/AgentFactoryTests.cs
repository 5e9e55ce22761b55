using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Exchange.Data.Transport;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

[TestFixture]
public sealed class AgentFactoryTests
{
    [Test]
    public void Creating_an_agent_takes_in_the_organisations_accepted_domains_but_not_external_relay_ones()
    {
        var log = new TestLog();
        var monitor = new PolicyMonitor("/nonexistent/securemailgate.json", _ => throw new InvalidOperationException(), options => new Mock<IPolicyEngine>().Object, log.Agent);
        var host = new AgentHost(monitor, log.Agent, log.Audit, TimeProvider.System, _ => new Mock<INoticeSubmitter>().Object);
        var factory = new SecureMailGateAgentFactory(host);
        var server = new Mock<SmtpServer>();
        server.SetupGet(s => s.AcceptedDomains).Returns(Domains(("ourtrust.nhs.uk", true), ("*.ourtrust.nhs.uk", true), ("partner-relay.example.com", false)));

        var agent = factory.CreateAgent(server.Object);

        Assert.That(agent, Is.InstanceOf<SecureMailGateAgent>());
        Assert.That(monitor.Current!.Options.InternalDomains, Is.EquivalentTo(new[] { "ourtrust.nhs.uk" }));
    }

    [Test]
    public void An_unreadable_accepted_domain_list_still_yields_a_working_agent()
    {
        var log = new TestLog();
        var monitor = new PolicyMonitor("/nonexistent/securemailgate.json", _ => throw new InvalidOperationException(), options => new Mock<IPolicyEngine>().Object, log.Agent);
        var host = new AgentHost(monitor, log.Agent, log.Audit, TimeProvider.System, _ => new Mock<INoticeSubmitter>().Object);
        var server = new Mock<SmtpServer>();
        server.SetupGet(s => s.AcceptedDomains).Throws(new InvalidOperationException("AD unavailable"));

        var agent = new SecureMailGateAgentFactory(host).CreateAgent(server.Object);

        Assert.That(agent, Is.Not.Null);
        Assert.That(log.Lines, Has.Some.Contains("AD unavailable"));
    }

    private static AcceptedDomainCollection Domains(params (string Name, bool InCorporation)[] domains)
    {
        var list = domains.Select(d =>
        {
            var domain = new Mock<AcceptedDomain>();
            domain.SetupGet(x => x.NameSpecification).Returns(d.Name);
            domain.SetupGet(x => x.IsInCorporation).Returns(d.InCorporation);
            return domain.Object;
        }).ToList();
        var collection = new Mock<AcceptedDomainCollection>();
        collection.Setup(c => c.GetEnumerator()).Returns(() => list.GetEnumerator());
        return collection.Object;
    }
}
