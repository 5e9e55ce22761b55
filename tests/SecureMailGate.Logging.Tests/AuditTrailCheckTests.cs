using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NLog;
using NLog.Config;
using NLog.Targets;
using NUnit.Framework;

namespace SecureMailGate.Logging.Tests;

/// <summary>The audit trail cannot switch off silently: every way an NLog.config loses it is reported in one line.</summary>
[TestFixture]
public sealed class AuditTrailCheckTests
{
    private const string Header = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<nlog xmlns=\"http://www.nlog-project.org/schemas/NLog.xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";

    private static readonly string ShippedNLogConfig = Path.Combine(AppContext.BaseDirectory, "shipped", "NLog.config");

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-nlog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string body)
    {
        string path = Path.Combine(_folder, "NLog.config");
        File.WriteAllText(path, Header + body + "</nlog>\n");
        return path;
    }

    private string[] FilesInFolder() => Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    [Test]
    public void The_shipped_NLog_config_passes_when_its_logs_folder_can_be_written_and_nothing_is_left_behind()
    {
        string path = Path.Combine(_folder, "NLog.config");
        File.Copy(ShippedNLogConfig, path);
        Directory.CreateDirectory(Path.Combine(_folder, "logs"));
        string[] before = FilesInFolder();

        IReadOnlyList<string> problems = AuditTrailCheck.Problems(path);

        Assert.That(problems, Is.Empty);
        Assert.That(FilesInFolder(), Is.EqualTo(before), "the write check leaves no file behind");
    }

    [Test]
    public void A_logs_folder_that_does_not_exist_yet_is_fine_when_it_can_be_created_and_is_not_created_by_the_check()
    {
        string path = Path.Combine(_folder, "NLog.config");
        File.Copy(ShippedNLogConfig, path);

        Assert.That(AuditTrailCheck.Problems(path), Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(_folder, "logs")), Is.False);
    }

    [Test]
    public void A_config_without_an_audit_rule_is_reported()
    {
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"agentFile\" fileName=\"${nlogdir}/agent.log\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Agent\" minlevel=\"Info\" writeTo=\"agentFile\" />\n  </rules>\n");

        IReadOnlyList<string> problems = AuditTrailCheck.Problems(path);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith(path + ": no rule sends logger SecureMailGate.Audit at level Info to a target").And.Contain("add <logger name=\"SecureMailGate.Audit\""));
    }

    [Test]
    public void An_audit_rule_below_Info_or_behind_a_final_rule_does_not_count()
    {
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"${nlogdir}/audit.jsonl\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.*\" minlevel=\"Info\" final=\"true\" />\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n");

        Assert.That(AuditTrailCheck.Problems(path).Single(), Does.Contain("no rule sends logger SecureMailGate.Audit"));
    }

    [Test]
    public void An_audit_folder_that_is_a_file_is_reported_with_the_targets_line_and_the_next_step()
    {
        File.WriteAllText(Path.Combine(_folder, "logs"), "not a folder");
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"auditFile\"\n            fileName=\"${nlogdir}/logs/audit.jsonl\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n");

        string problem = AuditTrailCheck.Problems(path).Single();

        Assert.That(problem, Does.StartWith(path + ", line 4: the audit trail of target 'auditFile' cannot be written: "));
        Assert.That(problem, Does.Contain("is a file, not a folder").And.EndWith("; create the folder and give NETWORK SERVICE modify rights, or point fileName at a writable folder."));
    }

    [Test]
    public void An_audit_folder_below_a_file_cannot_be_created_and_is_reported()
    {
        File.WriteAllText(Path.Combine(_folder, "blocker"), "not a folder");
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"${nlogdir}/blocker/logs/audit.jsonl\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n");

        Assert.That(AuditTrailCheck.Problems(path).Single(), Does.Contain("cannot be created").And.Contain("is a file, not a folder"));
    }

    [Test]
    public void An_async_audit_target_is_reported_with_its_line()
    {
        string path = Write("  <targets async=\"true\">\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"${nlogdir}/audit.jsonl\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n");

        Assert.That(AuditTrailCheck.Problems(path), Is.EqualTo(new[]
        {
            path + ", line 4: the audit target 'auditFile' is written asynchronously, so a failed audit write would not be seen; remove async=\"true\" from <targets> (or the AsyncWrapper/BufferingWrapper around it) for logger SecureMailGate.Audit.",
        }));
    }

    [Test]
    public void An_explicit_AsyncWrapper_around_the_audit_file_is_reported_at_the_wrappers_line()
    {
        string path = Write("  <targets>\n    <target xsi:type=\"AsyncWrapper\" name=\"auditAsync\">\n      <target xsi:type=\"File\" name=\"auditFile\" fileName=\"${nlogdir}/audit.jsonl\" />\n    </target>\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditAsync\" />\n  </rules>\n");

        Assert.That(AuditTrailCheck.Problems(path).Single(), Does.StartWith(path + ", line 4: the audit target 'auditAsync' is written asynchronously"));
    }

    [Test]
    public void Malformed_xml_is_reported_with_its_line()
    {
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"audit.jsonl\">\n  </targets>\n");

        string problem = AuditTrailCheck.Problems(path).Single();

        Assert.That(problem, Does.StartWith(path + ", line 5: this is not valid XML (").And.EndWith("start again from the NLog.config that ships with SecureMailGate."));
        Assert.That(problem, Does.Not.Contain("\n").And.Not.Contain("   at "), "one line, no stack");
    }

    [Test]
    public void A_config_NLog_rejects_is_reported_with_NLogs_reason()
    {
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"${nlogdir}/audit.jsonl\" maxArchiveFiles=\"many\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n");

        string problem = AuditTrailCheck.Problems(path).Single();

        Assert.That(problem, Does.StartWith(path + ": NLog cannot load this logging configuration: ").And.Contain("'MaxArchiveFiles'='many'"), problem);
        Assert.That(problem, Does.Not.Contain("\n").And.Not.Contain("   at "), "one line, no stack");
    }

    [Test]
    public void A_missing_file_is_reported()
    {
        string path = Path.Combine(_folder, "NLog.config");

        Assert.That(AuditTrailCheck.Problems(path).Single(), Does.StartWith(path + ": the logging configuration file does not exist;"));
    }

    [TestCase("<target xsi:type=\"Null\" name=\"audit\" />", "the audit trail is not written to a file: logger SecureMailGate.Audit goes to target 'audit' (NullTarget)")]
    [TestCase("<target xsi:type=\"Console\" name=\"audit\" />", "the audit trail is not written to a file: logger SecureMailGate.Audit goes to target 'audit' (ConsoleTarget)")]
    [TestCase("<target xsi:type=\"EventLog\" name=\"audit\" source=\"SecureMailGate\" />", "the audit trail is not written to a file: logger SecureMailGate.Audit goes to target 'audit' of type 'EventLog', which NLog cannot create here")]
    public void An_audit_trail_that_is_not_a_file_is_reported(string target, string expected)
    {
        string path = Write("  <targets>\n    " + target + "\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"audit\" />\n  </rules>\n");

        Assert.That(AuditTrailCheck.Problems(path).Single(), Does.StartWith(path + ", line 4: " + expected).And.EndWith("send it to a File target as the shipped NLog.config does."));
    }

    [Test]
    public void A_relative_audit_file_name_is_reported()
    {
        string path = Write("  <targets>\n    <target xsi:type=\"File\" name=\"auditFile\" fileName=\"logs/audit.jsonl\" />\n  </targets>\n  <rules>\n    <logger name=\"SecureMailGate.Audit\" minlevel=\"Info\" writeTo=\"auditFile\" />\n  </rules>\n");

        Assert.That(AuditTrailCheck.Problems(path).Single(), Does.Contain("has a relative fileName").And.Contain("start fileName with ${nlogdir}/"));
    }

    [Test]
    public void A_factory_loaded_like_the_agents_is_checked_with_the_same_rules()
    {
        string path = Path.Combine(_folder, "NLog.config");
        File.Copy(ShippedNLogConfig, path);
        using var shipped = new LogFactory { ThrowConfigExceptions = false };
        shipped.Setup().LoadConfigurationFromFile(path, optional: false);

        var nullConfiguration = new LoggingConfiguration();
        nullConfiguration.AddRule(LogLevel.Info, LogLevel.Fatal, new NullTarget("audit"), AuditTrailCheck.DefaultAuditLoggerName);
        using var toNull = new LogFactory { Configuration = nullConfiguration };
        using var empty = new LogFactory();

        Assert.Multiple(() =>
        {
            Assert.That(AuditTrailCheck.Problems(shipped), Is.Empty);
            Assert.That(AuditTrailCheck.Problems(toNull).Single(), Does.StartWith("NLog.config: the audit trail is not written to a file"));
            Assert.That(AuditTrailCheck.Problems(empty).Single(), Does.StartWith("NLog.config: no logging configuration is loaded"));
        });
    }

    [Test]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => AuditTrailCheck.Problems(" "));
        Assert.Throws<ArgumentException>(() => AuditTrailCheck.Problems(Path.Combine(_folder, "NLog.config"), ""));
        Assert.Throws<ArgumentNullException>(() => AuditTrailCheck.Problems((LogFactory)null!));
    }
}
