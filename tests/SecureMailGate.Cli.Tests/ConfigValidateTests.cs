using System;
using System.IO;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary><c>securemailgate config validate</c>: what an administrator sees before deploying a policy.</summary>
[TestFixture]
public sealed class ConfigValidateTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-validate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Policy(string connectorJson) =>
        Write("securemailgate.json", "{\n  \"encryption\": {\n    \"connector\": " + connectorJson + "\n  }\n}\n");

    [TestCase("\"Encryption Gateway\"", "spaces are not allowed; give the address space of the send connector, such as securemailgate.encrypt")]
    [TestCase("\"relay.contoso.com:25\"", "a port is not part of an address space")]
    [TestCase("\"EncryptionGateway\"", "it has no dot: Exchange would read it as a domain that no send connector's address space matches")]
    [TestCase("\"gw_1.example\"", "the character '_' is not allowed")]
    public void A_connector_Exchange_cannot_use_fails_validation_with_the_line_and_the_next_step(string connectorJson, string problem)
    {
        string policy = Policy(connectorJson);

        (int code, string output, string error) = CliRunner.Run("config", "validate", policy);

        Assert.That(code, Is.EqualTo(3));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith($"securemailgate: {policy}, line 3: encryption.connector {connectorJson}: {problem}"));
    }

    [Test]
    public void A_valid_connector_is_named_in_the_success_line()
    {
        (int code, string output, string error) = CliRunner.Run("config", "validate", Policy("\"SecureMailGate.Encrypt.\""));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("is valid").And.Contain("encryption on with token [secure] through the send connector for SecureMailGate.Encrypt,"));
    }

    [Test]
    public void Without_a_connector_the_success_line_names_only_the_token()
    {
        (int code, string output, string error) = CliRunner.Run("config", "validate", Policy("null"));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("encryption on with token [secure],").And.Not.Contain("connector"));
    }
}
