using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>The CLI contract of ARCHITECTURE.md: outputs, options and exit codes scripts rely on.</summary>
[TestFixture]
public sealed class CommandLineContractTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-cli-" + Guid.NewGuid().ToString("N"));
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

    private static string Sample(string name) => CliRunner.InRepo("config", "samples", name);

    [Test]
    public void Classify_json_is_one_array_in_argument_order()
    {
        (int code, string output, _) = CliRunner.Run("classify", "--json", "x@Example.NHS.net.", "gmail.com", "nonsense address", "a@b.secure.nhs.uk");
        Assert.That(code, Is.EqualTo(0));
        JsonElement[] items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.That(items.Select(i => i.GetProperty("input").GetString()), Is.EqualTo(new[] { "x@Example.NHS.net.", "gmail.com", "nonsense address", "a@b.secure.nhs.uk" }));
        Assert.That(items.Select(i => i.GetProperty("tier").GetString()), Is.EqualTo(new[] { "nhsmail", "external", "invalid", "secure-nhs-local" }));
        Assert.That(items[0].GetProperty("domain").GetString(), Is.EqualTo("example.nhs.net"));
        Assert.That(items[2].GetProperty("domain").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(items[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "input", "domain", "tier" }));
    }

    [Test]
    public void Classify_table_lists_each_input()
    {
        (int code, string output, _) = CliRunner.Run("classify", "someone@gmail.com", "fax@efaxsend.com");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("someone@gmail.com").And.Contain("external").And.Contain("prohibited-channel"));
    }

    [Test]
    public void Now_moves_legacy_domains_past_their_sunset()
    {
        string before = CliRunner.Run("classify", "--json", "a@gsi.gov.uk", "--now", "2019-03-30").Out;
        string after = CliRunner.Run("classify", "--json", "a@gsi.gov.uk", "--now", "2019-04-01").Out;
        Assert.That(before, Does.Contain("gov-secure-legacy"));
        Assert.That(after, Does.Contain("\"retired\""));
    }

    [Test]
    public void Check_takes_recipients_from_the_headers_unless_given()
    {
        (int _, string fromHeaders, _) = CliRunner.Run("check", Sample("mixed-recipients.eml"), "--json");
        (int code, string given, _) = CliRunner.Run("check", Sample("mixed-recipients.eml"), "--json", "--recipient", "a@gmail.com", "--recipient", "b@nhs.net");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(JsonDocument.Parse(fromHeaders).RootElement.GetProperty("recipients").GetArrayLength(), Is.EqualTo(5));
        string[] addresses = JsonDocument.Parse(given).RootElement.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("address").GetString()!).ToArray();
        Assert.That(addresses, Is.EqualTo(new[] { "a@gmail.com", "b@nhs.net" }));
    }

    [Test]
    public void Check_table_shows_each_recipients_action_and_reason()
    {
        (int code, string output, _) = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("jane.patient1984@gmail.com").And.Contain("encrypt").And.Contain("sensitive-to-insecure").And.Contain("nhs-number"));
    }

    [Test]
    public void Monitor_mode_is_shown_in_the_json()
    {
        string config = Write("monitor.json", "{ \"mode\": \"monitor\" }");
        string output = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"), "--json", "--config", config).Out;
        Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("mode").GetString(), Is.EqualTo("monitor"));
    }

    [Test]
    public void The_shipped_policy_monitors_and_loads_no_accredited_list()
    {
        // The README's first set-up command: the bundled default policy starts in monitor mode and the sample
        // accredited list is not loaded, so the hospice in the sample is an ordinary external domain.
        (int code, string output, string error) = CliRunner.Run("check", Sample("mixed-recipients.eml"), "--json", "--config", CliRunner.InRepo("config", "securemailgate.json"));
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        JsonElement hospice = root.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "liaison@care.example-hospice.org.uk");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("monitor"));
            Assert.That(hospice.GetProperty("tier").GetString(), Is.EqualTo("external"));
            Assert.That(hospice.GetProperty("action").GetString(), Is.EqualTo("encrypt"), "monitor mode still reports what enforce would do");
        });
    }

    [Test]
    public void Missing_message_file_is_exit_3_with_one_line()
    {
        (int code, string output, string error) = CliRunner.Run("check", Path.Combine(_folder, "none.eml"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("none.eml").And.Contain("does not exist"));
    }

    [Test]
    public void A_folder_given_as_the_message_says_so()
    {
        (int code, _, string error) = CliRunner.Run("check", _folder);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("is a folder").And.Contain("replay"));
    }

    [Test]
    public void Importing_a_file_that_is_not_a_list_reports_a_few_lines_and_writes_nothing()
    {
        string notAList = Write("notes.txt", string.Join("\n", Enumerable.Range(1, 40).Select(i => "this is line " + i)));
        string output = Path.Combine(_folder, "out.txt");
        (int code, _, string error) = CliRunner.Run("domains", "import", notAList, "--out", output);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.LessThanOrEqualTo(12));
        Assert.That(error, Does.Contain("30 more bad line(s)").And.Contain("no domains found"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Invalid_config_is_exit_3_naming_file_and_line()
    {
        string config = Write("bad.json", "{\n  \"mode\": \"enforce\",\n  \"encryption\": { \"enabled\": \"yes\" }\n}");
        (int code, _, string error) = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"), "--config", config);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("bad.json, line 3").And.Contain("encryption.enabled must be true or false"));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [TestCase("check")]
    [TestCase("check", "a.eml", "--bogus")]
    [TestCase("frobnicate")]
    [TestCase("classify")]
    [TestCase("domains", "import", "x.csv")]
    public void Usage_errors_are_exit_2(params string[] args)
    {
        (int code, _, string error) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--help"));
    }

    [Test]
    public void A_bad_now_is_a_usage_error()
    {
        (int code, _, string error) = CliRunner.Run("classify", "a@nhs.net", "--now", "next tuesday");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("ISO 8601"));
    }

    [Test]
    public void A_file_that_is_not_a_message_still_gets_a_safe_decision_when_recipients_are_given()
    {
        string junk = Path.Combine(_folder, "junk.bin");
        File.WriteAllBytes(junk, Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 256)).ToArray());
        (int code, string output, string error) = CliRunner.Run("check", junk, "--json", "--recipient", "a@gmail.com");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.That(root.GetProperty("message").GetProperty("sensitive").GetBoolean(), Is.True, "what cannot be read cannot be shown to be clean");
        Assert.That(root.GetProperty("recipients")[0].GetProperty("action").GetString(), Is.EqualTo("encrypt"));

        (int without, _, string error2) = CliRunner.Run("check", junk);
        Assert.That(without, Is.EqualTo(3));
        Assert.That(error2, Does.Contain("not a readable e-mail message").And.Contain("--recipient"));
    }

    [Test]
    public void Config_validate_reports_success_and_failure()
    {
        (int ok, string output, _) = CliRunner.Run("config", "validate", CliRunner.InRepo("config", "securemailgate.json"));
        Assert.That(ok, Is.EqualTo(0));
        Assert.That(output, Does.Contain("is valid"));
        (int bad, _, string error) = CliRunner.Run("config", "validate", Write("typo.json", "{ \"mdoe\": \"enforce\" }"));
        Assert.That(bad, Is.EqualTo(3));
        Assert.That(error, Does.Contain("unknown key 'mdoe'"));
    }

    [Test]
    public void Domains_import_normalises_a_csv_and_reports_bad_lines()
    {
        string csv = Write("published.csv", "Organisation,Domain,Date\n\"Council, North\",North.Example.GOV.uk.,2024-01-01\nBad,not a domain,2024-01-01\nHospice,*.hospice.example.org,2024-02-01\n");
        string output = Path.Combine(_folder, "accredited.txt");
        (int code, string stdout, string error) = CliRunner.Run("domains", "import", csv, "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(stdout, Does.Contain("Imported 2 domain(s)").And.Contain("1 line(s) skipped"));
        Assert.That(error, Does.Contain("line 3"));
        string[] lines = File.ReadAllLines(output).Where(l => !l.StartsWith('#')).ToArray();
        Assert.That(lines, Is.EqualTo(new[] { "*.hospice.example.org", "north.example.gov.uk" }));

        // The imported file is accepted by the policy loader.
        string config = Write("p.json", "{ \"accreditedDomainsFile\": \"accredited.txt\" }");
        Assert.That(CliRunner.Run("classify", "--json", "a@b.hospice.example.org", "--config", config).Out, Does.Contain("accredited"));
    }

    [Test]
    public void Domains_import_of_a_missing_file_is_exit_3()
    {
        (int code, _, string error) = CliRunner.Run("domains", "import", Path.Combine(_folder, "none.csv"), "--out", Path.Combine(_folder, "o.txt"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("does not exist"));
        Assert.That(File.Exists(Path.Combine(_folder, "o.txt")), Is.False);
    }
}
