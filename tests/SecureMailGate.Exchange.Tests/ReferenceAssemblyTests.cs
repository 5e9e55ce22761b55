using System;
using System.Linq;
using System.Reflection;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Email;
using Microsoft.Exchange.Data.Transport.Routing;
using Microsoft.Exchange.Data.Transport.Smtp;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// The facade must be indistinguishable from the real assembly to the compiler and the binder, or the shipped
/// agent will not load on an Exchange server (ARCHITECTURE, "Building against the real Exchange assemblies").
/// </summary>
[TestFixture]
public sealed class ReferenceAssemblyTests
{
    private const string Transport = "Microsoft.Exchange.Data.Transport";
    private const string Common = "Microsoft.Exchange.Data.Common";

    // Every type the agent uses, with the namespace where Microsoft's assembly has it (exchange-api.md §3).
    private static readonly (Type Type, string Namespace)[] Placement =
    {
        (typeof(AcceptedDomain), "Microsoft.Exchange.Data.Transport"),
        (typeof(AcceptedDomainCollection), "Microsoft.Exchange.Data.Transport"),
        (typeof(Agent), "Microsoft.Exchange.Data.Transport"),
        (typeof(AgentAsyncContext), "Microsoft.Exchange.Data.Transport"),
        (typeof(AgentFactory), "Microsoft.Exchange.Data.Transport"),
        (typeof(DeliveryQueueDomain), "Microsoft.Exchange.Data.Transport"),
        (typeof(DsnType), "Microsoft.Exchange.Data.Transport"),
        (typeof(EnvelopeRecipient), "Microsoft.Exchange.Data.Transport"),
        (typeof(EnvelopeRecipientCollection), "Microsoft.Exchange.Data.Transport"),
        (typeof(MailItem), "Microsoft.Exchange.Data.Transport"),
        (typeof(ReadOnlyEnvelopeRecipientCollection), "Microsoft.Exchange.Data.Transport"),
        (typeof(RoutingAddress), "Microsoft.Exchange.Data.Transport"),
        (typeof(RoutingDomain), "Microsoft.Exchange.Data.Transport"),
        (typeof(RoutingOverride), "Microsoft.Exchange.Data.Transport"),
        (typeof(SmtpServer), "Microsoft.Exchange.Data.Transport"),
        (typeof(QueuedMessageEventArgs), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(QueuedMessageEventSource), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(ResolvedMessageEventHandler), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(ResolvedMessageEventSource), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(RoutedMessageEventHandler), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(RoutedMessageEventSource), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(RoutingAgent), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(RoutingAgentFactory), "Microsoft.Exchange.Data.Transport.Routing"),
        (typeof(SmtpResponse), "Microsoft.Exchange.Data.Transport.Smtp"),
        (typeof(EmailMessage), "Microsoft.Exchange.Data.Transport.Email"),
    };

    // The MIME types behind EmailMessage.MimeDocument, in Microsoft.Exchange.Data.Common as in Exchange.
    private static readonly (Type Type, string Namespace)[] CommonPlacement =
    {
        (typeof(Microsoft.Exchange.Data.Mime.Header), "Microsoft.Exchange.Data.Mime"),
        (typeof(Microsoft.Exchange.Data.Mime.HeaderList), "Microsoft.Exchange.Data.Mime"),
        (typeof(Microsoft.Exchange.Data.Mime.MimeDocument), "Microsoft.Exchange.Data.Mime"),
        (typeof(Microsoft.Exchange.Data.Mime.MimeNode), "Microsoft.Exchange.Data.Mime"),
        (typeof(Microsoft.Exchange.Data.Mime.MimePart), "Microsoft.Exchange.Data.Mime"),
        (typeof(Microsoft.Exchange.Data.Mime.TextHeader), "Microsoft.Exchange.Data.Mime"),
    };

    [TestCase(typeof(MailItem), Transport)]
    [TestCase(typeof(Microsoft.Exchange.Data.Mime.MimeDocument), Common)]
    public void Each_facade_carries_the_real_assembly_identity(Type typeInFacade, string assembly)
    {
        var name = AssemblyName.GetAssemblyName(typeInFacade.Assembly.Location);

        Assert.Multiple(() =>
        {
            Assert.That(name.Name, Is.EqualTo(assembly));
            Assert.That(name.Version, Is.EqualTo(new Version(15, 0, 1474, 0)));
            Assert.That(name.CultureName, Is.Empty);
            Assert.That(Convert.ToHexString(name.GetPublicKeyToken()!).ToLowerInvariant(), Is.EqualTo("31bf3856ad364e35"));
        });
    }

    [Test]
    public void Each_type_the_agent_uses_is_in_the_assembly_and_namespace_of_the_real_one()
    {
        Assert.Multiple(() =>
        {
            foreach (var (type, ns) in Placement)
            {
                Assert.That(type.Namespace, Is.EqualTo(ns), type.Name);
                Assert.That(type.Assembly.GetName().Name, Is.EqualTo(Transport), type.Name);
            }

            foreach (var (type, ns) in CommonPlacement)
            {
                Assert.That(type.Namespace, Is.EqualTo(ns), type.Name);
                Assert.That(type.Assembly.GetName().Name, Is.EqualTo(Common), type.Name);
            }
        });
    }

    [Test]
    public void The_facades_declare_no_public_type_the_agent_does_not_need()
    {
        var exported = typeof(MailItem).Assembly.GetExportedTypes().Select(t => t.FullName);
        var exportedCommon = typeof(Microsoft.Exchange.Data.Mime.MimeDocument).Assembly.GetExportedTypes().Select(t => t.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exported, Is.EquivalentTo(Placement.Select(p => p.Type.FullName)));
            Assert.That(exportedCommon, Is.EquivalentTo(CommonPlacement.Select(p => p.Type.FullName)));
        });
    }

    [TestCase(Transport)]
    [TestCase(Common)]
    public void The_agent_binds_to_Exchange_15_by_its_strong_name(string assembly)
    {
        var reference = typeof(SecureMailGateAgent).Assembly.GetReferencedAssemblies().Single(a => a.Name == assembly);

        Assert.That(reference.FullName, Is.EqualTo(assembly + ", Version=15.0.1474.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"));
    }
}
