using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>Each command-line rough edge of issue 10, as an administrator or a script met it.</summary>
[TestFixture]
public sealed class RoughEdgeTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-edges-" + Guid.NewGuid().ToString("N"));
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

    private static string Sample(string name) => CliRunner.InRepo("config", "samples", name);

    private static string Message(string to, string body, string subject = "Clinic letter") =>
        $"From: clinic@ourtrust.nhs.uk\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n" +
        $"Message-ID: <{Guid.NewGuid():N}@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n{body}\r\n";

    [Test]
    public void Replay_json_prints_the_summary_object_instead_of_reading_a_file_called_json()
    {
        (int code, string output, string error) = CliRunner.Run("replay", CliRunner.InRepo("config", "samples"), "--json");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement summary = JsonDocument.Parse(output).RootElement;
        Assert.That(summary.GetProperty("messages").GetInt32(), Is.EqualTo(3));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public void An_unknown_option_is_a_usage_error_not_an_input_to_classify()
    {
        (int code, string output, string error) = CliRunner.Run("classify", "nhs.net", "--verbose");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty, "no row for --verbose");
        Assert.That(error, Does.Contain("'--verbose' is not an option of 'securemailgate classify'"));
    }

    [Test]
    public void A_value_starting_with_a_dash_can_still_be_given_after_double_dash()
    {
        (int code, string output, _) = CliRunner.Run("classify", "--json", "--", "-bad-.example");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(JsonDocument.Parse(output).RootElement[0].GetProperty("tier").GetString(), Is.EqualTo("invalid"));
    }

    [Test]
    public void An_at_sign_domain_is_classified_not_read_as_a_response_file()
    {
        (int code, string output, string error) = CliRunner.Run("classify", "--json", "@nhs.net");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement item = JsonDocument.Parse(output).RootElement[0];
        Assert.That(item.GetProperty("input").GetString(), Is.EqualTo("@nhs.net"));
        Assert.That(item.GetProperty("tier").GetString(), Is.EqualTo("nhsmail"));
    }

    [Test]
    public void A_mistyped_command_is_named_with_the_commands_and_a_guess()
    {
        (int code, _, string error) = CliRunner.Run("chekc", "a.eml");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("'chekc' is not a command of 'securemailgate'").And.Contain("classify, check, replay, report, config, domains"));
        Assert.That(error, Does.Contain("Did you mean 'securemailgate check'?"));
        Assert.That(error, Does.Not.Contain("Required command was not provided"));
    }

    [TestCase(new[] { "config", "validate" }, "securemailgate config validate --help")]
    [TestCase(new[] { "domains", "import", "x.csv" }, "securemailgate domains import --help")]
    [TestCase(new[] { "config" }, "securemailgate config --help")]
    public void The_help_hint_names_a_command_that_exists(string[] args, string hint)
    {
        (int code, _, string error) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"Run '{hint}' for usage."));
        (int helpCode, string help, _) = CliRunner.Run(hint.Split(' ').Skip(1).ToArray());
        Assert.That(helpCode, Is.EqualTo(0), "the hinted command really shows help");
        Assert.That(help, Does.Contain("Usage:"));
    }

    [Test]
    public void A_folder_given_to_report_or_out_is_refused_before_any_work()
    {
        (int replay, _, string e1) = CliRunner.Run("replay", Sample("clinic-letter-to-gmail.eml"), "--report", _folder);
        (int report, _, string e2) = CliRunner.Run("report", Write("a.jsonl", ""), "--out", _folder);
        (int import, _, string e3) = CliRunner.Run("domains", "import", Write("l.txt", "nhs.net\n"), "--out", _folder);
        Assert.Multiple(() =>
        {
            foreach ((int code, string error) in new[] { (replay, e1), (report, e2), (import, e3) })
            {
                Assert.That(code, Is.EqualTo(2), error);
                Assert.That(error, Does.Contain("is a folder; give a file name"));
                Assert.That(error, Does.Not.Contain("denied"));
            }
        });
    }

    [Test]
    public void An_accredited_list_that_is_a_folder_is_called_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "lists"));
        string config = Write("p.json", "{ \"accreditedDomainsFile\": \"lists\" }");
        (int code, _, string error) = CliRunner.Run("classify", "a@nhs.net", "--config", config);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("is a folder").And.Not.Contain("does not exist"));
    }

    [Test]
    public void Check_on_an_mbox_of_several_messages_says_to_use_replay()
    {
        string mbox = Write("two.mbox", "From a@b Tue Nov 24 10:00:00 2026\r\n" + Message("x@gmail.com", "one") + "\r\nFrom a@b Tue Nov 24 10:01:00 2026\r\n" + Message("y@gmail.com", "two"));
        (int code, string output, string error) = CliRunner.Run("check", mbox);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty, "no verdict for the first message only");
        Assert.That(error, Does.Contain("an mbox holding 2 messages").And.Contain("securemailgate replay"));
    }

    [Test]
    public void Check_on_an_mbox_of_one_message_evaluates_it()
    {
        string mbox = Write("one.mbox", "From a@b Tue Nov 24 10:00:00 2026\r\n" + Message("x@gmail.com", "Patient NHS number 943 476 5919"));
        (int code, string output, string error) = CliRunner.Run("check", mbox, "--json");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("recipients")[0].GetProperty("action").GetString(), Is.EqualTo("encrypt"));
    }

    [Test]
    public void Check_reads_a_saved_winmail_dat_as_replay_does()
    {
        string dat = Path.Combine(_folder, "winmail.dat");
        File.WriteAllBytes(dat, TestMessages.Tnef("Discharge summary NHS number 943 476 5919"));
        (int code, string output, string error) = CliRunner.Run("check", dat, "--json", "--recipient", "a@gmail.com");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.That(root.GetProperty("message").GetProperty("findings")[0].GetProperty("kind").GetString(), Is.EqualTo("nhs-number"));
        Assert.That(root.GetProperty("message").GetProperty("findings")[0].GetProperty("location").GetString(), Is.Not.EqualTo("message"), "decoded, not unreadable");
    }

    [Test]
    public void Classify_accepts_an_address_with_a_display_name()
    {
        (int code, string output, _) = CliRunner.Run("classify", "--json", "Tom <tom@nhs.net>");
        Assert.That(code, Is.EqualTo(0));
        JsonElement item = JsonDocument.Parse(output).RootElement[0];
        Assert.That(item.GetProperty("input").GetString(), Is.EqualTo("Tom <tom@nhs.net>"));
        Assert.That(item.GetProperty("domain").GetString(), Is.EqualTo("nhs.net"));
        Assert.That(item.GetProperty("tier").GetString(), Is.EqualTo("nhsmail"));
    }

    [TestCase("not an address")]
    [TestCase("gmail.com")]
    public void A_sender_that_is_not_an_address_is_refused(string sender)
    {
        (int code, string output, string error) = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"), "--sender", sender);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("is not an e-mail address"));
    }

    [Test]
    public void A_sender_with_a_display_name_is_used_by_its_address()
    {
        (int code, string output, string error) = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"), "--json", "--sender", "Dr Who <who@ourtrust.nhs.uk>");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("sender").GetString(), Is.EqualTo("who@ourtrust.nhs.uk"));
    }

    [Test]
    public void Piped_output_is_not_wrapped_at_140_columns()
    {
        string longAddress = new string('a', 150) + "@hotmail.co.uk";
        (int code, string output, string error) = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"), "--recipient", longAddress);
        Assert.That(code, Is.EqualTo(0), error);
        string row = output.Split('\n').Single(l => l.Contains("hotmail.co.uk", StringComparison.Ordinal));
        Assert.That(row, Does.Contain(longAddress).And.Contain("encrypt").And.Contain("sensitive-to-insecure"), "the whole row on one line");
    }

    [Test]
    public void An_empty_folder_says_there_is_no_mail_and_exits_3()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
        (int code, string output, string error) = CliRunner.Run("replay", Path.Combine(_folder, "empty"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("no e-mail found").And.Contain("(no files)"));

        Write("notmail/LICENSE", "MIT License\n\nPermission is hereby granted...\n");
        Write("notmail/data.json", "{\"a\": 1}\n");
        (int code2, _, string error2) = CliRunner.Run("replay", Path.Combine(_folder, "notmail"));
        Assert.That(code2, Is.EqualTo(3));
        Assert.That(error2, Does.Contain("no e-mail found").And.Contain("2 file(s) skipped"));
    }

    [Test]
    public void Domains_import_refuses_a_binary_file_without_echoing_its_bytes()
    {
        string xlsx = Path.Combine(_folder, "list.xlsx");
        File.WriteAllBytes(xlsx, Encoding.ASCII.GetBytes("PK\u0003\u0004").Concat(Enumerable.Range(0, 2000).Select(i => (byte)(i * 7 % 256))).ToArray());
        (int code, _, string error) = CliRunner.Run("domains", "import", xlsx, "--out", Path.Combine(_folder, "o.txt"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("is not a text file").And.Contain("save it as CSV"));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error.Where(c => char.IsControl(c) && c != '\n' && c != '\r'), Is.Empty);
    }

    [Test]
    public void Domains_import_takes_a_domain_name_column_and_at_sign_entries()
    {
        string csv = Write("published.csv", "Organisation,Domain name,Accredited\nNorth Council,@north.example.gov.uk,2024\nHospice,care.example.org.uk,2024\n");
        string output = Path.Combine(_folder, "accredited.txt");
        (int code, string stdout, string error) = CliRunner.Run("domains", "import", csv, "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(stdout, Does.Contain("Imported 2 domain(s)"));
        Assert.That(File.ReadAllLines(output).Where(l => !l.StartsWith('#')), Is.EqualTo(new[] { "care.example.org.uk", "north.example.gov.uk" }));

        string plain = Write("plain.txt", "@example.gov.uk\n");
        (int plainCode, _, string plainError) = CliRunner.Run("domains", "import", plain, "--out", output);
        Assert.That(plainCode, Is.EqualTo(0), plainError);
        Assert.That(File.ReadAllLines(output).Where(l => !l.StartsWith('#')), Is.EqualTo(new[] { "example.gov.uk" }));
    }

    [Test]
    public void Check_json_carries_the_sender_the_policy_version_and_the_exemptions_used()
    {
        string config = Write("p.json", "{ \"mode\": \"enforce\", \"exemptions\": { \"senders\": [\"priya.shah@ourtrust.nhs.uk\"] } }");
        (int code, string output, string error) = CliRunner.Run("check", Sample("mixed-recipients.eml"), "--json", "--config", config);
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.That(root.GetProperty("sender").GetString(), Is.EqualTo("priya.shah@ourtrust.nhs.uk"));
        Assert.That(root.GetProperty("policyVersion").GetString(), Is.Not.Empty);
        Assert.That(root.GetProperty("exemptionsUsed").EnumerateArray().Select(e => e.GetString()), Has.Some.Contain("priya.shah@ourtrust.nhs.uk"));
        (_, string table, _) = CliRunner.Run("check", Sample("mixed-recipients.eml"), "--config", config);
        Assert.That(table, Does.Contain("Exemptions used"), "the table shows what the JSON carries");
    }

    [Test]
    public void Check_reads_standard_input_given_as_a_dash()
    {
        byte[] mime = File.ReadAllBytes(Sample("clinic-letter-to-gmail.eml"));
        (int code, string output, string error) = CliRunner.RunWithInput(mime, "check", "-", "--json");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.That(root.GetProperty("message").GetProperty("messageId").GetString(), Is.EqualTo("<clinic-letter-0001@ourtrust.nhs.uk>"));
        Assert.That(root.GetProperty("recipients")[0].GetProperty("action").GetString(), Is.EqualTo("encrypt"));
    }

    [TestCase(null, 0)]
    [TestCase("block", 0)]
    [TestCase("encrypt", 4)]
    [TestCase("warn", 4)]
    public void Fail_on_sets_the_exit_code_when_an_action_reaches_the_level(string? level, int expected)
    {
        string[] args = { "check", Sample("clinic-letter-to-gmail.eml"), "--json" };
        (int code, string output, _) = CliRunner.Run(level is null ? args : args.Concat(new[] { "--fail-on", level }).ToArray());
        Assert.That(code, Is.EqualTo(expected));
        Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("recipients")[0].GetProperty("action").GetString(), Is.EqualTo("encrypt"), "the verdict is printed either way");
    }

    [Test]
    public void Fail_on_block_fails_a_replay_that_blocks_someone_and_rejects_unknown_levels()
    {
        Assert.That(CliRunner.Run("replay", CliRunner.InRepo("config", "samples"), "--json", "--fail-on", "block").Code, Is.EqualTo(4));
        (int code, _, string error) = CliRunner.Run("check", Sample("clinic-letter-to-gmail.eml"), "--fail-on", "panic");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("panic"));
    }

    [Test]
    public void Explain_gives_the_bounce_the_encrypted_subject_and_the_rules_without_the_identifier()
    {
        string eml = Write("m.eml",
            "From: clinic@ourtrust.nhs.uk\r\nTo: carer@gmail.com, 01234567890@efaxsend.com\r\nSubject: Letter for Mr Jones NI AB 12 34 56 C\r\n" +
            "Message-ID: <explain@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nDischarge summary, NHS number 943 476 5919.\r\n");
        (int code, string output, string error) = CliRunner.Run("check", eml, "--explain", "--config", CliRunner.EnforcingPolicy);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("nhs-number in body (high): a context keyword"));
            Assert.That(output, Does.Contain("rule 5: sensitive mail to an e-mail-to-fax or e-mail-to-SMS gateway is blocked"));
            Assert.That(output, Does.Contain("The sender would get this bounce:").And.Contain("| Your message was not delivered to 01234567890@efaxsend.com."));
            Assert.That(output, Does.Contain("rule 6: sensitive mail to an insecure route is encrypted"));
            Assert.That(output, Does.Contain("with this subject: [secure] Letter for Mr Jones NI [NI number hidden]"));
            Assert.That(output, Does.Not.Contain("943").And.Not.Contain("12 34 56"));
        });

        (int jsonCode, string json, _) = CliRunner.Run("check", eml, "--explain", "--json", "--config", CliRunner.EnforcingPolicy);
        Assert.That(jsonCode, Is.EqualTo(0));
        JsonElement recipients = JsonDocument.Parse(json).RootElement.GetProperty("explanation").GetProperty("recipients");
        Assert.That(recipients[0].GetProperty("subject").GetString(), Does.StartWith("[secure] "));
        Assert.That(recipients[1].GetProperty("bounce")[0].GetString(), Does.Contain("not delivered"));
    }
}
