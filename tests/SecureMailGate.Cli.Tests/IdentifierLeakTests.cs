using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Audit;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Cli.Tests;

/// <summary>
/// Issue 10, item 1, the CLI's part: identifiers planted everywhere a name can hide (subject, body, attachment
/// names, ZIP entry names, an attached message's subject, display names) never appear in anything the CLI prints
/// or writes, in any digit grouping.
/// </summary>
[TestFixture]
public sealed class IdentifierLeakTests
{
    // Two valid NHS numbers and a National Insurance number; each is searched for with every separator removed.
    private static readonly string[] Planted = { "9434765919", "4010232137", "JG103759A" };

    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void PlantMessages()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-leak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "mail"));
        File.WriteAllText(Path.Combine(_folder, "mail", "planted.eml"), PlantedMessage(), Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, "mail", "planted.mbox"),
            "From clinic@ourtrust.nhs.uk Tue Nov 24 10:00:00 2026\n" + PlantedMessage().Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8);

        // An NHS number in the subject blocks everyone outside; with only the NI number there, the nhs.net recipient
        // is warned (warnUnmarkedSensitive) and the warn notice, which names the message, is checked too.
        File.WriteAllText(Path.Combine(_folder, "warn.eml"), PlantedMessage().Replace("Subject: Discharge 943 476 5919 NI", "Subject: Discharge NI", StringComparison.Ordinal), Encoding.UTF8);
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private string Eml => Path.Combine(_folder, "mail", "planted.eml");

    private static string PlantedMessage()
    {
        string zip = Convert.ToBase64String(Zip(("Jones JG 10 37 59 A notes.txt", "Referral for patient NHS 401-023-2137.")), Base64FormattingOptions.InsertLineBreaks);
        string attachedMessage =
            "From: GP Surgery <gp@ourtrust.nhs.uk>\r\nTo: clinic@ourtrust.nhs.uk\r\nSubject: Patient 943 476 5919 results\r\n" +
            "Message-ID: <inner@ourtrust.nhs.uk>\r\n\r\nBloods for NHS number 4010232137 attached.\r\n";
        return
            "From: \"Clinic 943-476-5919\" <clinic@ourtrust.nhs.uk>\r\n" +
            "To: \"Margaret JG103759A\" <m.evans@gmail.com>, \"Ward fax 9434765919\" <01234567890@efaxsend.com>\r\n" +
            "Cc: \"Dr 401 023 2137\" <gp@nhs.net>\r\n" +
            "Subject: Discharge 943 476 5919 NI JG 10 37 59 A\r\n" +
            "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMessage-ID: <leak-test@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nDischarge summary. NHS number 943 476 5919, NI number JG 10 37 59 A.\r\n" +
            "--b\r\nContent-Type: text/plain; name=\"Evans Margaret 943 476 5919 discharge.txt\"\r\n" +
            "Content-Disposition: attachment; filename=\"Evans Margaret 943 476 5919 discharge.txt\"\r\n\r\nPatient NHS 9434765919.\r\n" +
            "--b\r\nContent-Type: application/zip; name=\"Scan NHS 4010232137.zip\"\r\nContent-Disposition: attachment; filename=\"Scan NHS 4010232137.zip\"\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n" + zip + "\r\n" +
            "--b\r\nContent-Type: message/rfc822; name=\"Fwd 943 476 5919.eml\"\r\nContent-Disposition: attachment; filename=\"Fwd 943 476 5919.eml\"\r\n\r\n" +
            attachedMessage + "\r\n--b--\r\n";
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string text) in entries)
            {
                using Stream s = archive.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    public static IEnumerable<TestCaseData> Outputs()
    {
        string[] policy = { "--config", CliRunner.EnforcingPolicy };
        yield return new TestCaseData((object)new[] { "check", "{eml}" }.Concat(policy).ToArray()).SetName("Leak_check_table");
        yield return new TestCaseData((object)new[] { "check", "{eml}", "--json" }.Concat(policy).ToArray()).SetName("Leak_check_json");
        yield return new TestCaseData((object)new[] { "check", "{eml}", "--explain" }.Concat(policy).ToArray()).SetName("Leak_check_explain");
        yield return new TestCaseData((object)new[] { "check", "{eml}", "--explain", "--json" }.Concat(policy).ToArray()).SetName("Leak_check_explain_json");
        yield return new TestCaseData((object)new[] { "check", "{warn}", "--explain", "--config", "{monitor}" }).SetName("Leak_check_explain_monitor_warn_notice");
        yield return new TestCaseData((object)new[] { "replay", "{mail}" }.Concat(policy).ToArray()).SetName("Leak_replay_table");
        yield return new TestCaseData((object)new[] { "replay", "{mail}", "--json-lines" }.Concat(policy).ToArray()).SetName("Leak_replay_json_lines");
        yield return new TestCaseData((object)new[] { "replay", "{mail}", "--json", "--report", "{out}.html" }.Concat(policy).ToArray()).SetName("Leak_replay_json_and_html_report");
        yield return new TestCaseData((object)new[] { "replay", "{mail}", "--report", "{out}.json" }.Concat(policy).ToArray()).SetName("Leak_replay_json_report");
        yield return new TestCaseData((object)new[] { "report", "{audit}", "--out", "{out}.html" }).SetName("Leak_report_html");
        yield return new TestCaseData((object)new[] { "report", "{audit}", "--out", "{out}.json" }).SetName("Leak_report_json");
    }

    [TestCaseSource(nameof(Outputs))]
    public void No_planted_identifier_appears_in_the_output(string[] template)
    {
        string outFile = Path.Combine(_folder, "out-" + Guid.NewGuid().ToString("N"));
        string monitor = Path.Combine(_folder, "monitor.json");
        File.WriteAllText(monitor, "{ \"mode\": \"monitor\", \"internalDomains\": [\"ourtrust.nhs.uk\"], \"detection\": { \"warnUnmarkedSensitive\": true } }");
        string[] args = template.Select(a => a
            .Replace("{eml}", Eml, StringComparison.Ordinal)
            .Replace("{warn}", Path.Combine(_folder, "warn.eml"), StringComparison.Ordinal)
            .Replace("{mail}", Path.Combine(_folder, "mail"), StringComparison.Ordinal)
            .Replace("{monitor}", monitor, StringComparison.Ordinal)
            .Replace("{audit}", AuditFile(), StringComparison.Ordinal)
            .Replace("{out}", outFile, StringComparison.Ordinal)).ToArray();

        (int code, string output, string error) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output.Length + error.Length, Is.GreaterThan(0));
        var texts = new List<(string Where, string Text)> { ("stdout", output), ("stderr", error) };
        texts.AddRange(Directory.EnumerateFiles(_folder, Path.GetFileName(outFile) + "*").Select(f => (f, File.ReadAllText(f))));
        if (args.Contains("--report") || args[0] == "report")
        {
            Assert.That(texts, Has.Count.EqualTo(3), "the report file was written and is checked too");
        }

        AssertNoIdentifier(texts);
        if (args.Contains("--explain") && args.Contains(monitor))
        {
            Assert.That(output, Does.Contain("The sender would get this notice"), "the warn notice is among what is checked");
        }
    }

    [Test]
    public void The_check_itself_would_catch_a_leak()
    {
        // The search ignores separators, so every grouping of a planted number is caught.
        Assert.Throws<AssertionException>(() => AssertNoIdentifier(new[] { ("sample", "location attachment:Scan NHS 401-023 2137.zip") }));
        Assert.Throws<AssertionException>(() => AssertNoIdentifier(new[] { ("sample", "Re: PIP claim NI jg 10 37 59 a") }));
        Assert.DoesNotThrow(() => AssertNoIdentifier(new[] { ("sample", "attachment:3.zip/1.txt [number hidden]") }));
    }

    private static void AssertNoIdentifier(IEnumerable<(string Where, string Text)> texts)
    {
        foreach ((string where, string text) in texts)
        {
            string squeezed = new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
            foreach (string identifier in Planted)
            {
                Assert.That(squeezed.Contains(identifier, StringComparison.Ordinal), Is.False, $"{identifier} appears in {where}:\n{text}");
            }
        }
    }

    // The agent's audit lines for the planted message, as Core writes them.
    private string AuditFile()
    {
        string path = Path.Combine(_folder, "audit-2026-11-24.jsonl");
        if (!File.Exists(path))
        {
            PolicyOptions options = PolicyConfigurationLoader.LoadFile(CliRunner.EnforcingPolicy);
            var engine = new SecureMailGateEngine(options, TimeProvider.System);
            using var mime = new MemoryStream(Encoding.UTF8.GetBytes(PlantedMessage()));
            Verdict verdict = engine.Evaluate(new MessageEnvelope("clinic@ourtrust.nhs.uk", new[] { "m.evans@gmail.com", "01234567890@efaxsend.com", "gp@nhs.net" }, mime));
            File.WriteAllText(path, AuditRecord.ToJsonLine(verdict, "clinic@ourtrust.nhs.uk", TimeSpan.FromMilliseconds(5), new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), enforced: true) + "\n");
        }

        return path;
    }
}
