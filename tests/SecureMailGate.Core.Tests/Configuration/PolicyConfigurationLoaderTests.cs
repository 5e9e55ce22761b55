using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Configuration;

[TestFixture]
public sealed class PolicyConfigurationLoaderTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private PolicyConfigurationException LoadFails(string json)
    {
        string path = Write("securemailgate.json", json);
        return Assert.Throws<PolicyConfigurationException>(() => PolicyConfigurationLoader.LoadFile(path))!;
    }

    [Test]
    public void The_shipped_default_configuration_is_valid_monitors_and_otherwise_matches_the_built_in_policy()
    {
        string shipped = Path.Combine(RepositoryRoot(), "config", "securemailgate.json");
        PolicyOptions options = PolicyConfigurationLoader.LoadFile(shipped);
        PolicyOptions builtIn = PolicyOptions.Default;
        Assert.Multiple(() =>
        {
            Assert.That(options.Mode, Is.EqualTo(PolicyMode.Monitor), "a new installation starts in monitor mode");
            Assert.That(options.ProhibitedChannels, Is.EqualTo(builtIn.ProhibitedChannels));
            Assert.That(options.LegacyDomains, Is.EqualTo(builtIn.LegacyDomains));
            Assert.That(options.Encryption, Is.EqualTo(builtIn.Encryption));
            Assert.That(options.Detection.Threshold, Is.EqualTo(builtIn.Detection.Threshold));
            Assert.That(options.Limits, Is.EqualTo(builtIn.Limits));
            Assert.That(options.FailureMode, Is.EqualTo(builtIn.FailureMode));
            Assert.That(options.AccreditedDomains, Is.Empty, "the sample accredited list ships but is not loaded");
            Assert.That(options.Version, Does.StartWith("sha256:"));
        });
    }

    [Test]
    public void Comments_trailing_commas_and_every_key_are_read()
    {
        Write("list.csv", "organisation,domain\n\"Council, North\",north.example.gov.uk\nHospice,*.hospice.example.org\n");
        string path = Write("policy.json", """
            // comment
            {
              "mode": "monitor", /* block comment */
              "internalDomains": ["OurTrust.NHS.uk."],
              "accreditedDomainsFile": "list.csv",
              "overrides": { "secure": ["partner.example.com"], "insecure": ["nhs.net"], },
              "prohibitedChannels": ["fax.example.com"],
              "legacyDomains": [ { "domain": "old.gov.uk", "retiredOn": "2020-01-01" }, { "domain": "cjsm.net" } ],
              "encryption": { "enabled": false, "token": "[encrypt]", "connector": "securemailgate.encrypt" },
              "detection": { "threshold": "high", "warnUnmarkedSensitive": true,
                "patterns": [ { "name": "mrn", "regex": "RX[0-9]{7}", "keywords": ["MRN"], "proximity": 100, "confidence": "medium" } ] },
              "limits": { "maxDepth": 3, "maxExpandedBytes": 1048576, "maxEntries": 50, "maxRatio": 20, "timeBudgetSeconds": 5 },
              "exemptions": { "senders": ["audit@ourtrust.nhs.uk"], "recipients": ["partner.example.com"] },
              "failureMode": "allow",
            }
            """);
        PolicyOptions o = PolicyConfigurationLoader.LoadFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(o.Mode, Is.EqualTo(PolicyMode.Monitor));
            Assert.That(o.InternalDomains, Is.EqualTo(new[] { "ourtrust.nhs.uk" }));
            Assert.That(o.AccreditedDomains, Is.EquivalentTo(new[] { "north.example.gov.uk", "*.hospice.example.org" }));
            Assert.That(o.SecureOverrides, Is.EqualTo(new[] { "partner.example.com" }));
            Assert.That(o.InsecureOverrides, Is.EqualTo(new[] { "nhs.net" }));
            Assert.That(o.ProhibitedChannels, Is.EqualTo(new[] { "fax.example.com" }));
            Assert.That(o.LegacyDomains, Is.EqualTo(new[] { new LegacyDomain("old.gov.uk", new DateTime(2020, 1, 1)), new LegacyDomain("cjsm.net", null) }));
            Assert.That(o.Encryption, Is.EqualTo(new EncryptionOptions(false, "[encrypt]", "securemailgate.encrypt")));
            Assert.That(o.Detection.Threshold, Is.EqualTo(Confidence.High));
            Assert.That(o.Detection.WarnUnmarkedSensitive, Is.True);
            Assert.That(o.Detection.Patterns.Single().Name, Is.EqualTo("mrn"));
            Assert.That(o.Detection.Patterns.Single().Confidence, Is.EqualTo(Confidence.Medium));
            Assert.That(o.Limits, Is.EqualTo(new InspectionLimits(3, 1048576, 50, 20, TimeSpan.FromSeconds(5))));
            Assert.That(o.Exemptions.Senders, Is.EqualTo(new[] { "audit@ourtrust.nhs.uk" }));
            Assert.That(o.FailureMode, Is.EqualTo(FailureMode.Allow));
        });
    }

    [Test]
    public void An_empty_object_gives_the_built_in_defaults()
    {
        PolicyOptions o = PolicyConfigurationLoader.LoadFile(Write("p.json", "{}"));
        PolicyOptions d = PolicyOptions.Default;
        Assert.Multiple(() =>
        {
            Assert.That(o.Mode, Is.EqualTo(d.Mode));
            Assert.That(o.LegacyDomains, Is.EqualTo(d.LegacyDomains));
            Assert.That(o.ProhibitedChannels, Is.EqualTo(d.ProhibitedChannels));
            Assert.That(o.Encryption, Is.EqualTo(d.Encryption));
            Assert.That(o.Limits, Is.EqualTo(d.Limits));
            Assert.That(o.InternalDomains, Is.Empty);
            Assert.That(o.AccreditedDomains, Is.Empty);
            Assert.That(o.FailureMode, Is.EqualTo(FailureMode.Defer));
        });
    }

    [Test]
    public void Unknown_key_is_named_with_its_line_and_a_suggestion()
    {
        PolicyConfigurationException ex = LoadFails("{\n  \"mode\": \"enforce\",\n  \"Mode2\": 1,\n  \"failuremode\": \"defer\"\n}");
        Assert.That(ex.Line, Is.EqualTo(3));
        Assert.That(ex.Message, Does.Contain("securemailgate.json").And.Contain("line 3").And.Contain("unknown key 'Mode2'"));
        ex = LoadFails("{\n  \"failuremode\": \"defer\"\n}");
        Assert.That(ex.Message, Does.Contain("Did you mean 'failureMode'?"));
    }

    [TestCase("{\n \"internalDomains\": [\"ok.nhs.uk\",\n \"bad domain\"]\n}", 3, "'bad domain' is not a valid domain name")]
    [TestCase("{\n\n \"mode\": \"enforcing\"\n}", 3, "mode must be one of \"enforce\", \"monitor\"")]
    [TestCase("{\n \"detection\": { \"patterns\": [ { \"name\": \"x\",\n \"regex\": \"([a-z\" } ] }\n}", 3, "is not a valid regular expression")]
    [TestCase("{\n \"limits\": { \"maxDepth\": -1 }\n}", 2, "limits.maxDepth must be between 1 and 100")]
    [TestCase("{\n \"limits\": { \"maxDepth\": \"5\" }\n}", 2, "must be a whole number")]
    [TestCase("{\n \"encryption\": { \"token\": \"\" }\n}", 2, "encryption.token must not be empty")]
    [TestCase("{\n \"legacyDomains\": [ { \"domain\": \"a.gov.uk\", \"retiredOn\": \"31/03/2019\" } ]\n}", 2, "YYYY-MM-DD")]
    [TestCase("{\n \"mode\": \"enforce\"\n \"failureMode\": \"defer\"\n}", 3, "not valid JSON")]
    [TestCase("{\n \"mode\": \"enforce\",\n \"mode\": \"monitor\"\n}", 3, "appears twice")]
    [TestCase("[1, 2]", 1, "the file must be an object")]
    [TestCase("{\n \"detection\": { \"patterns\": [ { \"name\": \"nhs-number\", \"regex\": \"x\" } ] }\n}", 2, "already used")]
    public void Invalid_values_name_the_line_and_the_problem(string json, int line, string problem)
    {
        PolicyConfigurationException ex = LoadFails(json);
        Assert.That(ex.Line, Is.EqualTo(line), ex.Message);
        Assert.That(ex.Message, Does.Contain(problem));
        Assert.That(ex.Message, Does.Not.Contain(Environment.NewLine), "one line");
    }

    [Test]
    public void Missing_accredited_list_is_named()
    {
        PolicyConfigurationException ex = LoadFails("{\n \"accreditedDomainsFile\": \"nope.txt\"\n}");
        Assert.That(ex.Message, Does.Contain("nope.txt").And.Contain("does not exist"));
        Assert.That(ex.Line, Is.EqualTo(2));
    }

    [Test]
    public void A_bad_line_in_the_accredited_list_names_that_file_and_line()
    {
        Write("list.txt", "# header\ngood.example.org\nnot a domain\n");
        PolicyConfigurationException ex = LoadFails("{ \"accreditedDomainsFile\": \"list.txt\" }");
        Assert.That(ex.FilePath, Does.EndWith("list.txt"));
        Assert.That(ex.Line, Is.EqualTo(3));
    }

    [Test]
    public void Missing_and_empty_files_are_clear_errors()
    {
        var missing = Assert.Throws<PolicyConfigurationException>(() => PolicyConfigurationLoader.LoadFile(Path.Combine(_folder, "none.json")))!;
        Assert.That(missing.Message, Does.Contain("does not exist"));
        PolicyConfigurationException empty = LoadFails("   // only a comment\n /* and another */\n");
        Assert.That(empty.Message, Does.Contain("empty"));
        PolicyConfigurationException garbage = LoadFails("garbage");
        Assert.That(garbage.Message, Does.Contain("not valid JSON").And.Not.Contain("empty"));
        var folder = Assert.Throws<PolicyConfigurationException>(() => PolicyConfigurationLoader.LoadFile(_folder))!;
        Assert.That(folder.Message, Does.Contain("is a folder"));
    }

    [Test]
    public void Byte_order_mark_is_accepted()
    {
        string path = Path.Combine(_folder, "bom.json");
        File.WriteAllText(path, "{ \"mode\": \"monitor\" }", new UTF8Encoding(true));
        Assert.That(PolicyConfigurationLoader.LoadFile(path).Mode, Is.EqualTo(PolicyMode.Monitor));
    }

    [Test]
    public void Unreadable_attachments_count_as_sensitive_unless_the_administrator_says_ignore()
    {
        PolicyOptions defaults = PolicyConfigurationLoader.LoadFile(Write("default.json", "{ }"));
        PolicyOptions ignore = PolicyConfigurationLoader.LoadFile(Write("ignore.json", "{ \"detection\": { \"unreadableAttachments\": \"ignore\" } }"));
        PolicyConfigurationException wrong = LoadFails("{\n \"detection\": { \"unreadableAttachments\": \"allow\" }\n}");

        Assert.Multiple(() =>
        {
            Assert.That(defaults.Detection.UnreadableAttachments, Is.EqualTo(UnreadableAttachments.Sensitive));
            Assert.That(ignore.Detection.UnreadableAttachments, Is.EqualTo(UnreadableAttachments.Ignore));
            Assert.That(wrong.Line, Is.EqualTo(2));
            Assert.That(wrong.Message, Does.Contain("\"sensitive\", \"ignore\""));
        });
    }

    internal static string RepositoryRoot()
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "SecureMailGate.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("SecureMailGate.sln not found above the test folder.");
    }
}
