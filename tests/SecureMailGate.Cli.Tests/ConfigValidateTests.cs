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

    private const string AuditOnly = "<?xml version=\"1.0\"?>\n<nlog xmlns=\"http://www.nlog-project.org/schemas/NLog.xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <targets{0}>\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"${{nlogdir}}/{1}/audit.jsonl\" />\n  </targets>\n  <rules>\n    <logger name=\"{2}\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n</nlog>\n";

    private static string NLog(string targetsAttributes = "", string folder = "logs", string logger = "SecureMailGate.Audit") =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, AuditOnly, targetsAttributes, folder, logger);

    [Test]
    public void The_shipped_NLog_config_beside_the_policy_is_checked_and_passes_when_its_folder_can_be_written()
    {
        string policy = Policy("null");
        File.Copy(CliRunner.InRepo("config", "NLog.config"), Path.Combine(_folder, "NLog.config"));

        (int code, string output, string error) = CliRunner.Run("config", "validate", policy);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(error, Is.Empty);
        Assert.That(output, Does.Contain(Path.Combine(_folder, "NLog.config") + " is valid: the audit trail is written synchronously to a file"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Has.Length.EqualTo(2), "nothing is left behind");
    }

    [Test]
    public void Without_an_NLog_config_the_logging_is_named_as_not_checked_and_that_is_not_an_error()
    {
        string policy = Policy("null");

        (int code, string output, string error) = CliRunner.Run("config", "validate", policy);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain($"Logging configuration not checked: there is no NLog.config beside {policy}; give --nlog <path> to check the one the agent uses."));
    }

    [Test]
    public void An_NLog_config_beside_the_policy_without_an_audit_rule_fails_like_an_invalid_policy()
    {
        string policy = Policy("null");
        string nlog = Write("NLog.config", NLog(logger: "SecureMailGate.Agent"));

        (int code, string output, string error) = CliRunner.Run("config", "validate", policy);

        Assert.That(code, Is.EqualTo(3));
        Assert.That(output, Does.Contain(policy + " is valid"));
        Assert.That(error, Does.StartWith($"securemailgate: {nlog}: no rule sends logger SecureMailGate.Audit at level Info to a target"));
    }

    [Test]
    public void An_explicit_nlog_option_is_checked_and_each_problem_is_one_line_with_its_line_number()
    {
        string policy = Policy("null");
        File.WriteAllText(Path.Combine(_folder, "blocker"), "a file where the logs folder should be");
        string nlog = Write(Path.Combine("agent", "NLog.config"), NLog(targetsAttributes: " async=\"true\"", folder: "../blocker"));

        (int code, _, string error) = CliRunner.Run("config", "validate", policy, "--nlog", nlog);

        string[] lines = error.TrimEnd().Split('\n');
        Assert.That(code, Is.EqualTo(3));
        Assert.That(lines, Has.Length.EqualTo(2), error);
        Assert.That(lines[0], Does.StartWith($"securemailgate: {nlog}, line 4: the audit target 'auditFile' is written asynchronously"));
        Assert.That(lines[1], Does.StartWith($"securemailgate: {nlog}, line 4: the audit trail of target 'auditFile' cannot be written:")
            .And.Contain("is a file, not a folder").And.EndWith("create the folder and give NETWORK SERVICE modify rights, or point fileName at a writable folder."));
    }

    [Test]
    public void A_missing_or_malformed_NLog_config_fails_validation()
    {
        string policy = Policy("null");
        string missing = Path.Combine(_folder, "elsewhere", "NLog.config");
        string malformed = Write("NLog.config", "<nlog>\n  <targets>\n</nlog>\n");

        (int missingCode, _, string missingError) = CliRunner.Run("config", "validate", policy, "--nlog", missing);
        (int malformedCode, _, string malformedError) = CliRunner.Run("config", "validate", policy);

        Assert.Multiple(() =>
        {
            Assert.That(missingCode, Is.EqualTo(3));
            Assert.That(missingError, Does.StartWith($"securemailgate: {missing}: the logging configuration file does not exist;"));
            Assert.That(malformedCode, Is.EqualTo(3));
            Assert.That(malformedError, Does.StartWith($"securemailgate: {malformed}, line 3: this is not valid XML"));
        });
    }
}
