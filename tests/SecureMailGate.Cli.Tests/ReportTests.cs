using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>The IG report: figures from the audit trail, the same in HTML and JSON, rendered in real headless Chromium.</summary>
[TestFixture]
public sealed class ReportTests
{
    // Three days of audit lines as the agent writes them (POLICY §5), plus what a reader must survive: a field it
    // does not know, a configuration-reload event line, a line that is not JSON and a blank line.
    private static readonly string[] AuditLines =
    {
        """{"time":"2026-11-20T09:00:00.000Z","messageId":"<1@t>","sender":"a@ourtrust.nhs.uk","mode":"monitor","enforced":false,"policyVersion":"v1","sensitive":true,"processingMs":3,"engineMs":2,"recipients":[{"address":"a@gmail.com","tier":"external","action":"encrypt","reasons":["sensitive-to-insecure"]},{"address":"b@nhs.net","tier":"nhsmail","action":"allow","reasons":["unmarked-sensitive"]}],"findings":[{"kind":"nhs-number","location":"body","confidence":"high"}],"exemptionsUsed":[]}""",
        """{"time":"2026-11-20T10:00:00.000Z","messageId":"<2@t>","sender":"a@ourtrust.nhs.uk","mode":"monitor","enforced":false,"policyVersion":"v1","sensitive":false,"processingMs":3,"engineMs":2,"recipients":[{"address":"c@gmail.com","tier":"external","action":"allow","reasons":["not-sensitive"]}],"findings":[],"exemptionsUsed":[]}""",
        """{"time":"2026-11-21T08:00:00.000Z","messageId":"<3@t>","sender":"a@ourtrust.nhs.uk","mode":"enforce","enforced":true,"policyVersion":"v2","policyHash":"sha256:0123456789abcdef","sensitive":true,"processingMs":3,"engineMs":2,"recipients":[{"address":"fax@efaxsend.com","tier":"prohibited-channel","action":"block","reasons":["sensitive-to-prohibited-channel"]},{"address":"d@gmail.com","tier":"external","action":"encrypt","reasons":["sensitive-to-insecure"]}],"findings":[{"kind":"nhs-number","location":"attachment:1.pdf","confidence":"high"},{"kind":"ni-number","location":"body","confidence":"medium"}],"exemptionsUsed":[]}""",
        """{"time":"2026-11-21T09:00:00.000Z","event":"config-reload","result":"accepted","policyHash":"sha256:0123456789abcdef"}""",
        "this line is not JSON",
        "",
        """{"time":"2026-11-22T12:00:00.000Z","messageId":"<4@t>","sender":"a@ourtrust.nhs.uk","mode":"enforce","enforced":true,"policyVersion":"v2","sensitive":true,"processingMs":3,"engineMs":2,"recipients":[{"address":"e@nhs.net","tier":"nhsmail","action":"allow","reasons":["secure-route"]}],"findings":[{"kind":"marking","location":"subject","confidence":"high"}],"exemptionsUsed":[]}""",
    };

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "logs"));
        File.WriteAllLines(Path.Combine(_folder, "logs", "audit-2026-11-20.jsonl"), AuditLines.Take(3));
        File.WriteAllLines(Path.Combine(_folder, "logs", "audit-2026-11-21.jsonl"), AuditLines.Skip(3));
        File.WriteAllText(Path.Combine(_folder, "logs", "gateway.log"), "not an audit file, not read from a folder\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Logs => Path.Combine(_folder, "logs");

    private JsonElement JsonReport(params string[] extra)
    {
        string path = Path.Combine(_folder, "report.json");
        (int code, _, string error) = CliRunner.Run(new[] { "report", Logs, "--out", path }.Concat(extra).ToArray());
        Assert.That(code, Is.EqualTo(0), error);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    [Test]
    public void The_audit_trail_is_counted_by_tier_action_reason_kind_domain_and_day()
    {
        JsonElement r = JsonReport();
        Assert.Multiple(() =>
        {
            Assert.That(r.GetProperty("messages").GetInt32(), Is.EqualTo(4));
            Assert.That(r.GetProperty("sensitive").GetInt32(), Is.EqualTo(3));
            Assert.That(r.GetProperty("recipients").GetInt32(), Is.EqualTo(6));
            Assert.That(r.GetProperty("monitorMessages").GetInt32(), Is.EqualTo(2));
            Assert.That(Map(r, "tiers"), Is.EquivalentTo(new Dictionary<string, int> { ["external"] = 3, ["nhsmail"] = 2, ["prohibited-channel"] = 1 }));
            Assert.That(Map(r, "actions"), Is.EquivalentTo(new Dictionary<string, int> { ["allow"] = 3, ["encrypt"] = 2, ["block"] = 1 }));
            Assert.That(Map(r, "findingKinds"), Is.EquivalentTo(new Dictionary<string, int> { ["nhs-number"] = 2, ["ni-number"] = 1, ["marking"] = 1 }));
            Assert.That(Map(r, "monitorWouldChange"), Is.EquivalentTo(new Dictionary<string, int> { ["encrypt"] = 1 }), "the monitor-mode encrypt would be carried out");
            Assert.That(Map(r, "reasons")["sensitive-to-insecure"], Is.EqualTo(2));
            Assert.That(r.GetProperty("sensitiveDomains").EnumerateArray().Select(d => $"{d.GetProperty("domain").GetString()} {d.GetProperty("recipients").GetInt32()} {d.GetProperty("encrypted").GetInt32()}"),
                Is.EqualTo(new[] { "gmail.com 2 1", "nhs.net 2 0" }), "the blocked fax gateway received nothing; domains only");
            Assert.That(r.GetProperty("daily").EnumerateArray().Select(d => $"{d.GetProperty("date").GetString()} {d.GetProperty("messages").GetInt32()} {d.GetProperty("sensitive").GetInt32()}"),
                Is.EqualTo(new[] { "2026-11-20 2 1", "2026-11-21 1 1", "2026-11-22 1 1" }));
            JsonElement input = r.GetProperty("input");
            Assert.That(input.GetProperty("lines").GetInt32(), Is.EqualTo(6), "blank lines are not counted");
            Assert.That(input.GetProperty("unreadableLines").GetInt32(), Is.EqualTo(1));
            Assert.That(Map(input, "otherEvents"), Is.EquivalentTo(new Dictionary<string, int> { ["config-reload"] = 1 }));
        });
        Assert.That(File.ReadAllText(Path.Combine(_folder, "report.json")), Does.Not.Contain("@gmail.com").And.Not.Contain("a@ourtrust"), "never an address");
    }

    [Test]
    public void Since_and_until_keep_the_days_asked_for_and_count_the_rest()
    {
        JsonElement r = JsonReport("--since", "2026-11-21", "--until", "2026-11-21");
        Assert.That(r.GetProperty("messages").GetInt32(), Is.EqualTo(1));
        Assert.That(r.GetProperty("input").GetProperty("outsideRange").GetInt32(), Is.EqualTo(3));
        (int code, _, string error) = CliRunner.Run("report", Logs, "--out", Path.Combine(_folder, "x.json"), "--since", "2026-11-22", "--until", "2026-11-20");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--until is before --since"));
    }

    [Test]
    public void A_folder_without_audit_files_says_so()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "none"));
        (int code, _, string error) = CliRunner.Run("report", Path.Combine(_folder, "none"), "--out", Path.Combine(_folder, "r.html"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("no audit files found").And.Contain("audit-*.jsonl"));
    }

    [Test]
    public void The_html_figures_equal_the_json_figures()
    {
        JsonElement json = JsonReport();
        string html = Path.Combine(_folder, "report.html");
        (int code, string output, string error) = CliRunner.Run("report", Logs, "--out", html);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("4 message(s), 3 sensitive"));
        AssertSameFigures(File.ReadAllText(html), json);
    }

    [Test]
    public void Replay_writes_the_same_report_as_html_or_json()
    {
        string html = Path.Combine(_folder, "replay.html");
        (int code, _, string error) = CliRunner.Run("replay", CliRunner.InRepo("config", "samples"), "--config", CliRunner.EnforcingPolicy, "--report", html);
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement json = JsonDocument.Parse(CliRunner.Run("replay", CliRunner.InRepo("config", "samples"), "--config", CliRunner.EnforcingPolicy, "--json").Out).RootElement;
        Assert.That(json.GetProperty("source").GetString(), Is.EqualTo("replay"));
        AssertSameFigures(File.ReadAllText(html), json);
    }

    [Test]
    public void The_page_is_self_contained()
    {
        string html = Path.Combine(_folder, "report.html");
        Assert.That(CliRunner.Run("report", Logs, "--out", html).Code, Is.EqualTo(0));
        string page = File.ReadAllText(html);
        Assert.That(page, Does.Contain("default-src 'none'"), "a Content Security Policy forbids anything from outside");
        Assert.That(Regex.Matches(page, @"(?:src|href)\s*=", RegexOptions.IgnoreCase), Is.Empty, "no external script, style, font or image");
        Assert.That(page, Does.Not.Contain("<script"));
        Assert.That(page, Does.Contain("<svg").And.Contain("data-date=\"2026-11-21\""), "the daily trend is inline SVG");
    }

    [Test]
    public void The_page_renders_in_headless_chromium_without_console_errors()
    {
        string html = Path.Combine(_folder, "report.html");
        Assert.That(CliRunner.Run("report", Logs, "--out", html).Code, Is.EqualTo(0));
        string screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "ig-report.png");
        HeadlessChromium.Rendering rendering = HeadlessChromium.Render(html, screenshot);
        Assert.That(rendering.ExitCode, Is.EqualTo(0), rendering.Log);
        Assert.That(rendering.ConsoleMessages, Is.Empty);
        Assert.That(File.Exists(screenshot), Is.True, rendering.Log);
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        Assert.That(png.Length, Is.GreaterThan(10_000), "a page with tables and a chart, not a blank image");
        TestContext.AddTestAttachment(screenshot, "The IG report as headless Chromium rendered it");
    }

    [Test]
    public void The_console_check_does_detect_a_script_error()
    {
        string page = Path.Combine(_folder, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>deliberately broken</p><script>undefinedFunction();</script></body></html>");
        HeadlessChromium.Rendering rendering = HeadlessChromium.Render(page, Path.Combine(_folder, "broken.png"));
        Assert.That(rendering.ConsoleMessages, Has.Some.Contain("undefinedFunction"), rendering.Log);
    }

    private static Dictionary<string, int> Map(JsonElement o, string name) =>
        o.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    private static readonly string[] CountMaps = { "tiers", "actions", "reasons", "findingKinds", "monitorWouldChange", "input.otherEvents", "input.skippedFiles" };

    // Every figure on the page carries data-key, its path in the JSON; each must equal the JSON's value, and every
    // count in the JSON must be on the page.
    private static void AssertSameFigures(string html, JsonElement json)
    {
        Dictionary<string, int> page = Regex.Matches(html, "data-key=\"([^\"]+)\">(\\d+)<")
            .ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(page, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach ((string key, int value) in page)
            {
                Assert.That(value, Is.EqualTo(Resolve(json, key)), key);
            }

            foreach (string name in new[] { "messages", "sensitive", "recipients", "monitorMessages" })
            {
                Assert.That(page.ContainsKey(name), Is.True, name + " is on the page");
            }

            foreach (string map in CountMaps)
            {
                JsonElement counts = map.StartsWith("input.", StringComparison.Ordinal) ? json.GetProperty("input").GetProperty(map.Substring(6)) : json.GetProperty(map);
                foreach (JsonProperty p in counts.EnumerateObject())
                {
                    Assert.That(page.ContainsKey(map + "." + p.Name), Is.True, $"{map}.{p.Name} is on the page");
                }
            }

            foreach (JsonElement d in json.GetProperty("sensitiveDomains").EnumerateArray())
            {
                Assert.That(page.ContainsKey($"sensitiveDomains.{d.GetProperty("domain").GetString()}.recipients"), Is.True);
            }

            foreach (JsonElement d in json.GetProperty("daily").EnumerateArray())
            {
                Assert.That(page.ContainsKey($"daily.{d.GetProperty("date").GetString()}.messages"), Is.True);
            }
        });
    }

    private static int Resolve(JsonElement json, string key)
    {
        foreach (string map in CountMaps)
        {
            if (key.StartsWith(map + ".", StringComparison.Ordinal))
            {
                JsonElement counts = map.StartsWith("input.", StringComparison.Ordinal) ? json.GetProperty("input").GetProperty(map.Substring(6)) : json.GetProperty(map);
                return counts.GetProperty(key.Substring(map.Length + 1)).GetInt32();
            }
        }

        foreach ((string list, string id) in new[] { ("sensitiveDomains", "domain"), ("daily", "date") })
        {
            if (key.StartsWith(list + ".", StringComparison.Ordinal))
            {
                int last = key.LastIndexOf('.');
                string which = key.Substring(list.Length + 1, last - list.Length - 1);
                return json.GetProperty(list).EnumerateArray().Single(e => e.GetProperty(id).GetString() == which).GetProperty(key.Substring(last + 1)).GetInt32();
            }
        }

        if (key == "problems")
        {
            return json.GetProperty("problems").GetArrayLength();
        }

        return key.StartsWith("input.", StringComparison.Ordinal) ? json.GetProperty("input").GetProperty(key.Substring(6)).GetInt32() : json.GetProperty(key).GetInt32();
    }
}
