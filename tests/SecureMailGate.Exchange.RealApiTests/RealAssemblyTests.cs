using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests;

namespace SecureMailGate.Exchange.RealApiTests;

/// <summary>
/// What the agent hands to Exchange, built with Exchange's own types: a value Exchange refuses here would fail on
/// the server in the middle of a message.
/// </summary>
[TestFixture]
public sealed class RealAssemblyTests
{
    private static readonly string Root = FindRoot();

    [OneTimeSetUp]
    public void TheAssembliesRunOutsideExchange()
    {
        try
        {
            _ = SmtpResponse.Empty.StatusCode;
        }
        catch (TypeInitializationException ex)
        {
            // Exchange 2016 and 2019 build their SmtpResponse table from assemblies only a server has.
            Assert.Ignore($"These Exchange assemblies ({typeof(SmtpResponse).Assembly.GetName().Version}) build the agent but cannot run outside Exchange ({ex.InnerException?.Message ?? ex.Message}). The agent built against them without errors; run these tests with Exchange 2013 CU23's assemblies (15.0.1474.0), the API the agent targets.");
        }
    }

    [Test]
    public void These_tests_run_against_Microsofts_assembly_not_the_facade()
    {
        var assembly = typeof(SmtpResponse).Assembly;

        Assert.Multiple(() =>
        {
            Assert.That(assembly.GetName().Name, Is.EqualTo("Microsoft.Exchange.Data.Transport"));
            Assert.That(assembly.GetCustomAttribute<AssemblyProductAttribute>()?.Product, Does.Contain("Microsoft"));
        });
    }

    [TestCaseSource(typeof(NdrCases), nameof(NdrCases.All))]
    public void Exchange_accepts_every_report_for_a_blocked_recipient(RecipientDecision decision, EncryptionOptions encryption)
    {
        var response = NonDeliveryReports.ForBlocked(decision, new PolicyOptions { Encryption = encryption });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo("550"));
            Assert.That(response.EnhancedStatusCode, Is.EqualTo("5.7.1"));
            Assert.That(response.StatusText, Has.Length.GreaterThan(1));
        });
    }

    [TestCaseSource(typeof(NdrCases), nameof(NdrCases.EncryptionSettings))]
    public void Exchange_accepts_the_report_for_a_token_that_could_not_be_added(EncryptionOptions encryption)
    {
        Assert.That(NonDeliveryReports.ForTokenNotAdded(new PolicyOptions { Encryption = encryption }).StatusCode, Is.EqualTo("550"));
    }

    [TestCaseSource(nameof(ShippedConfigurations))]
    public void Exchange_reads_the_routing_override_of_every_shipped_configuration(string file)
    {
        var options = PolicyConfigurationLoader.LoadFile(file);

        var route = EncryptionRoute.For(options.Encryption);

        if (options.Encryption.Connector is null)
        {
            Assert.That(route, Is.Null);
        }
        else
        {
            Assert.That(route!.RoutingDomain.Domain, Is.EqualTo(options.Encryption.Connector.Trim()));
        }
    }

    [TestCase("securemailgate.encrypt")]
    [TestCase("encrypt.ourtrust.nhs.uk")]
    [TestCase("egress-gateway.example-trust.nhs.uk")]
    public void Exchange_routes_a_connector_address_space_as_an_SMTP_domain(string connector)
    {
        var route = EncryptionRoute.For(new EncryptionOptions(Connector: connector))!;

        Assert.Multiple(() =>
        {
            Assert.That(route.RoutingDomain.Type, Is.EqualTo(RoutingDomain.Smtp));
            Assert.That(route.RoutingDomain.Domain, Is.EqualTo(connector));
            Assert.That(route.DeliveryQueueDomain, Is.EqualTo(DeliveryQueueDomain.UseOverrideDomain));
        });
    }

    // What config validate accepts, Exchange routes as that SMTP domain; what it refuses, Exchange refuses or misreads
    // (the rule is stricter than Exchange only for underscores, which host names do not have).
    [TestCase("securemailgate.encrypt", true)]
    [TestCase(" Encrypt.OurTrust.NHS.uk. ", true)]
    [TestCase("Encryption Gateway", false)]
    [TestCase("relay.contoso.com:25", false)]
    [TestCase("smtp:relay.contoso.com", false)]
    [TestCase("encrypt", false)]
    [TestCase("*.contoso.com", false)]
    [TestCase("bücher.de", false)]
    [TestCase("[10.0.0.5]", false)]
    [TestCase("gw..example.com", false)]
    public void The_connector_rule_agrees_with_how_Exchange_reads_a_routing_domain(string connector, bool accepted)
    {
        Assert.That(ConnectorAddressSpace.Problem(connector) is null, Is.EqualTo(accepted), ConnectorAddressSpace.Problem(connector));
        if (accepted)
        {
            var domain = new RoutingDomain(ConnectorAddressSpace.Normalize(connector));
            Assert.That((domain.Type, domain.Domain), Is.EqualTo((RoutingDomain.Smtp, ConnectorAddressSpace.Normalize(connector))));
            return;
        }

        RoutingDomain read;
        try
        {
            read = new RoutingDomain(connector.Trim());
        }
        catch (FormatException)
        {
            return; // Exchange refuses it too.
        }

        var misread = read.Type != RoutingDomain.Smtp || read.Domain != connector.Trim() || !read.Domain.Contains('.', StringComparison.Ordinal) || read.Domain.Contains("..", StringComparison.Ordinal);
        Assert.That(misread, Is.True, $"Exchange reads it as {read.Type}:{read.Domain}, a usable address space");
    }

    [TestCaseSource(typeof(NdrCases), nameof(NdrCases.AddressesForEnvelope))]
    public void The_agent_reads_back_every_envelope_address_as_Exchange_writes_it(string address)
    {
        Assert.That(MessageProcessor.SenderOf(new RoutingAddress(address)), Is.EqualTo(new RoutingAddress(address).ToString()));
    }

    [Test]
    public void The_null_reverse_path_of_reports_is_no_sender()
    {
        Assert.That(MessageProcessor.SenderOf(RoutingAddress.NullReversePath), Is.Null);
    }

    private static string[] ShippedConfigurations() =>
        Directory.GetFiles(Path.Combine(Root, "config"), "*.json", SearchOption.AllDirectories);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SecureMailGate.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (SecureMailGate.sln) was not found above the test folder.");
    }
}
