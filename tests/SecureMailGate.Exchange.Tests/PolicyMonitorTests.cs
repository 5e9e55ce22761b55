using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

[TestFixture]
public sealed class PolicyMonitorTests
{
    private string folder = null!;
    private string configPath = null!;
    private TestLog log = null!;

    [SetUp]
    public void SetUp()
    {
        folder = Path.Combine(Path.GetTempPath(), "smg-monitor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        configPath = Path.Combine(folder, "securemailgate.json");
        log = new TestLog();
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Without_a_configuration_file_the_built_in_policy_applies()
    {
        var monitor = Monitor();

        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Enforce));
        Assert.That(monitor.Current.Options.Version, Is.EqualTo(PolicyOptions.Default.Version));
    }

    [Test]
    public void A_changed_good_file_takes_effect_on_the_next_message()
    {
        Write("{ \"mode\": \"enforce\" }");
        var monitor = Monitor();
        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Enforce));

        Write("{ \"mode\": \"monitor\" }", secondsLater: 2);

        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Monitor));
    }

    [Test]
    public void A_broken_file_never_replaces_the_last_good_one_and_the_log_names_file_line_and_problem()
    {
        Write("{ \"mode\": \"monitor\" }");
        var monitor = Monitor();
        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Monitor));

        Write("{\n  \"mode\": \"monitor\",\n  \"failurMode\": \"allow\"\n}", secondsLater: 2);

        var current = monitor.Current;
        var error = log.Lines.Single(l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(current!.Options.Mode, Is.EqualTo(PolicyMode.Monitor));
            Assert.That(error, Does.Contain("securemailgate.json").And.Contain("failurMode").And.Contain("last good configuration stays in force"));
        });
    }

    [Test]
    public void A_broken_file_at_start_leaves_no_policy_so_messages_are_deferred()
    {
        Write("{ \"mode\": ");
        var monitor = Monitor();

        Assert.That(monitor.Current, Is.Null);
        Assert.That(log.Lines, Has.Some.Contains("every message is deferred"));
    }

    [Test]
    public void The_error_for_one_bad_file_is_logged_once_not_for_every_message()
    {
        Write("{ \"mode\": ");
        var monitor = Monitor();

        _ = monitor.Current;
        _ = monitor.Current;

        Assert.That(log.Lines.Count(l => l.StartsWith("Error", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Exchange_accepted_domains_count_as_internal()
    {
        Write("{ \"internalDomains\": [\"ourtrust.nhs.uk\"] }");
        var monitor = Monitor();

        monitor.SetAcceptedDomains(new[] { "*.ourtrust.nhs.uk", "community.ourtrust.org.uk" });

        Assert.That(monitor.Current!.Options.InternalDomains, Is.EquivalentTo(new[] { "ourtrust.nhs.uk", "community.ourtrust.org.uk" }));
    }

    [Test]
    public void A_changed_accredited_list_in_another_folder_takes_effect()
    {
        // Several servers share one list on a file share: it need not sit beside the configuration.
        string shared = Path.Combine(folder, "share");
        Directory.CreateDirectory(shared);
        string list = Path.Combine(shared, "accredited.txt");
        File.WriteAllText(list, "first.example.org\n");
        Write("{ \"accreditedDomainsFile\": \"share/accredited.txt\" }");
        var monitor = Monitor();
        Assert.That(monitor.Current!.Options.AccreditedDomains, Is.EqualTo(new[] { "first.example.org" }));

        File.WriteAllText(list, "first.example.org\nsecond.example.org\n");
        File.SetLastWriteTimeUtc(list, new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        Assert.That(monitor.Current!.Options.AccreditedDomains, Is.EquivalentTo(new[] { "first.example.org", "second.example.org" }));

        File.WriteAllText(list, "not a domain\n");
        File.SetLastWriteTimeUtc(list, new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc));
        Assert.That(monitor.Current!.Options.AccreditedDomains, Has.Count.EqualTo(2), "a broken list never replaces a good one");
    }

    [Test]
    public void Files_are_looked_at_no_more_often_than_the_recheck_interval()
    {
        Write("{ \"mode\": \"enforce\" }");
        var clock = new ManualClock();
        var monitor = new PolicyMonitor(configPath, PolicyConfigurationLoader.LoadFile, options => Engine(options), log.Agent, TimeSpan.FromSeconds(5), clock);
        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Enforce));

        Write("{ \"mode\": \"monitor\" }", secondsLater: 2);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Enforce), "within the interval the files are not looked at");

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(monitor.Current!.Options.Mode, Is.EqualTo(PolicyMode.Monitor));
    }

    [Test]
    public void Every_load_writes_its_own_configuration_line_to_the_audit_trail_applied_or_rejected()
    {
        Write("{ \"mode\": \"enforce\" }");
        var monitor = new PolicyMonitor(configPath, PolicyConfigurationLoader.LoadFile, options => Engine(options), log.Agent, audit: log.Audit);
        _ = monitor.Current;
        var good = PolicyConfigurationLoader.VersionOf(File.ReadAllBytes(configPath));
        Write("{\n  \"mode\": \"monitr\"\n}", secondsLater: 2);
        _ = monitor.Current;
        var bad = PolicyConfigurationLoader.VersionOf(File.ReadAllBytes(configPath));
        _ = monitor.Current; // unchanged: no second line

        var lines = log.Lines.Where(l => l.Contains("|SecureMailGate.Audit|", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l.Split('|', 3)[2]).RootElement).ToList();
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => l.GetProperty("event").GetString()), Has.All.EqualTo("configuration"));
            Assert.That(lines[0].GetProperty("outcome").GetString(), Is.EqualTo("applied"));
            Assert.That(lines[0].GetProperty("cause").GetString(), Is.EqualTo("gateway started"));
            Assert.That(lines[0].GetProperty("policy").GetString(), Is.EqualTo(good).And.Match("^sha256:[0-9a-f]{16}$"));
            Assert.That(lines[0].GetProperty("inForce").GetString(), Is.EqualTo(good));
            Assert.That(lines[0].GetProperty("problem").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(lines[1].GetProperty("outcome").GetString(), Is.EqualTo("rejected"));
            Assert.That(lines[1].GetProperty("policy").GetString(), Is.EqualTo(bad), "the hash of the file that was refused");
            Assert.That(lines[1].GetProperty("inForce").GetString(), Is.EqualTo(good), "the last good policy stays in force");
            Assert.That(lines[1].GetProperty("problem").GetString(), Does.Contain("line 2").And.Contain("monitr"));
            Assert.That(lines[1].GetProperty("file").GetString(), Is.EqualTo(configPath));
        });
    }

    [Test]
    public void Without_a_configuration_file_the_audit_trail_says_the_built_in_policy_is_in_force()
    {
        var monitor = new PolicyMonitor(configPath, PolicyConfigurationLoader.LoadFile, options => Engine(options), log.Agent, audit: log.Audit);

        _ = monitor.Current;

        var line = JsonDocument.Parse(log.Lines.Single(l => l.Contains("|SecureMailGate.Audit|", StringComparison.Ordinal)).Split('|', 3)[2]).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("outcome").GetString(), Is.EqualTo("built-in"));
            Assert.That(line.GetProperty("inForce").GetString(), Is.EqualTo("built-in"));
        });
    }

    private PolicyMonitor Monitor() => new(configPath, PolicyConfigurationLoader.LoadFile, options => Engine(options), log.Agent);

    private static IPolicyEngine Engine(PolicyOptions options)
    {
        var engine = new Mock<IPolicyEngine>();
        engine.SetupGet(e => e.Options).Returns(options);
        engine.Setup(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>())).Throws<NotSupportedException>();
        return engine.Object;
    }

    private void Write(string json, int secondsLater = 0)
    {
        File.WriteAllText(configPath, json);
        // File times can be coarse; make every write visibly newer.
        File.SetLastWriteTimeUtc(configPath, new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddSeconds(secondsLater));
    }
}
