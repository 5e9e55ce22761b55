using System;
using System.IO;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Configuration;

/// <summary>
/// encryption.connector is checked at load the way Exchange's RoutingDomain will read it, so a value that would
/// throw or route nowhere is refused with the file, the line and the next step.
/// </summary>
[TestFixture]
public sealed class ConnectorAddressSpaceTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-connector-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string WriteConfig(string connectorJson)
    {
        string path = Path.Combine(_folder, "securemailgate.json");
        File.WriteAllText(path, "{\n  \"mode\": \"enforce\",\n  \"encryption\": {\n    \"enabled\": true,\n    \"connector\": " + connectorJson + "\n  }\n}\n");
        return path;
    }

    [TestCase("\"Encryption Gateway\"", "encryption.connector \"Encryption Gateway\": spaces are not allowed; give the address space of the send connector, such as securemailgate.encrypt.")]
    [TestCase("\"relay.contoso.com:25\"", "encryption.connector \"relay.contoso.com:25\": a port is not part of an address space")]
    [TestCase("\"EncryptionGateway\"", "encryption.connector \"EncryptionGateway\": it has no dot: Exchange would read it as a domain that no send connector's address space matches; give the address space")]
    [TestCase("\"*.encrypt.example\"", "the character '*' is not allowed: a domain name has only letters, digits, hyphens and dots; give the address space")]
    [TestCase("\"encrypt_gw.example\"", "the character '_' is not allowed")]
    [TestCase("\"[10.0.0.5]\"", "an IP address is not an address space")]
    [TestCase("\"10.0.0.5\"", "an IP address is not an address space")]
    [TestCase("\"-gw.example\"", "the part '-gw' starts or ends with a hyphen")]
    [TestCase("\"gw..example\"", "it has an empty part between dots")]
    [TestCase("\"gw.example..\"", "it has an empty part between dots")]
    [TestCase("\"   \"", "it is empty; give the address space of the send connector, such as securemailgate.encrypt, or null for no connector")]
    [TestCase("42", "encryption.connector must be text in quotes")]
    public void A_connector_Exchange_cannot_route_to_is_refused_with_the_file_and_its_line(string connectorJson, string problem)
    {
        string path = WriteConfig(connectorJson);

        PolicyConfigurationException ex = Assert.Throws<PolicyConfigurationException>(() => PolicyConfigurationLoader.LoadFile(path))!;

        Assert.That(ex.Message, Does.StartWith(path + ", line 5: "));
        Assert.That(ex.Message, Does.Contain(problem));
        Assert.That(ex.Message, Does.Not.Contain("\n"), "one line");
    }

    [Test]
    public void Over_long_names_and_parts_are_refused()
    {
        string longLabel = new('a', 64);
        string longName = string.Join(".", new[] { new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 63), "uk" });

        Assert.Multiple(() =>
        {
            Assert.That(ConnectorAddressSpace.Problem(longLabel + ".example"), Does.StartWith($"the part '{longLabel}' is longer than 63 characters"));
            Assert.That(ConnectorAddressSpace.Problem(longName), Does.StartWith("it is 258 characters long and a domain name has at most 255"));
        });
    }

    [TestCase("null", null)]
    [TestCase("\"securemailgate.encrypt\"", "securemailgate.encrypt")]
    [TestCase("\"  Relay-1.Contoso.com  \"", "Relay-1.Contoso.com")]
    [TestCase("\"securemailgate.encrypt.\"", "securemailgate.encrypt")]
    public void A_domain_name_or_null_is_accepted_trimmed_and_without_a_trailing_dot(string connectorJson, string? expected)
    {
        EncryptionOptions encryption = PolicyConfigurationLoader.LoadFile(WriteConfig(connectorJson)).Encryption;

        Assert.That(encryption.Connector, Is.EqualTo(expected));
    }

    [Test]
    public void No_connector_is_not_a_problem_and_Normalize_checks_its_argument()
    {
        Assert.That(ConnectorAddressSpace.Problem(null), Is.Null);
        Assert.Throws<ArgumentNullException>(() => ConnectorAddressSpace.Normalize(null!));
    }
}
