using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Notices;

[TestFixture]
public sealed class NoticeConfigurationTests
{
    private const string WelshFirstLine = "Ni chafodd eich neges ei hanfon at {recipient}.";

    private string scratch = string.Empty;

    [SetUp]
    public void CreateScratch()
    {
        // <scratch>/notices/en is the shipped English; <scratch>/notices/cy is a second language made by editing
        // templates only.
        var english = TestPaths.CopyShippedLanguage("en");
        scratch = Path.GetDirectoryName(Path.GetDirectoryName(english))!;
        var welsh = Path.Combine(scratch, "notices", "cy");
        Directory.CreateDirectory(welsh);
        foreach (var file in Directory.GetFiles(english))
        {
            File.Copy(file, Path.Combine(welsh, Path.GetFileName(file)));
        }

        var block = Path.Combine(welsh, "block.txt");
        File.WriteAllLines(block, File.ReadAllLines(block).Select(l => l.StartsWith("Your message was not delivered", StringComparison.Ordinal) ? WelshFirstLine : l));
        File.WriteAllText(Path.Combine(welsh, "warn-subject.txt"), "Wedi'i danfon, ond gwiriwch: eich neges a anfonwyd am {sentAt}\n");
    }

    [TearDown]
    public void DeleteScratch() => Directory.Delete(scratch, recursive: true);

    [Test]
    public void Switching_the_language_setting_changes_the_report_and_the_notice_with_no_code_change()
    {
        var english = Load("{ \"notices\": { \"language\": \"en\" } }");
        var welsh = Load("{ \"notices\": { \"language\": \"cy\" } }");
        var blocked = new RecipientDecision("carer@gmail.com", "gmail.com", RecipientTier.External, RecipientAction.Block, new[] { ReasonCodes.SensitiveToProhibitedChannel });
        var warned = new Verdict(PolicyMode.Enforce, null, true, Array.Empty<Finding>(),
            new[] { new RecipientDecision("gp@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Warn, new[] { ReasonCodes.UnmarkedSensitive }) },
            TimeSpan.Zero, Array.Empty<string>(), "v");
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(BlockNotice.Explain(blocked, english)[0], Is.EqualTo("Your message was not delivered to carer@gmail.com."));
            Assert.That(BlockNotice.Explain(blocked, welsh)[0], Is.EqualTo("Ni chafodd eich neges ei hanfon at carer@gmail.com."));
            Assert.That(WarnNotice.Compose(warned, at, english)!.Subject, Does.StartWith("Delivered, but please check"));
            Assert.That(WarnNotice.Compose(warned, at, welsh)!.Subject, Is.EqualTo("Wedi'i danfon, ond gwiriwch: eich neges a anfonwyd am 2026-03-01 09:30 UTC"));
            Assert.That(welsh.Notices.Language, Is.EqualTo("cy"));
        });
    }

    [Test]
    public void The_organisation_s_values_are_read_and_every_template_file_is_watched_for_changes()
    {
        var options = Load("""
            {
              "notices": {
                "senderName": "Ourtown IT Security",
                "organisation": "Ourtown Hospitals NHS Trust",
                "serviceDesk": "the IT service desk on 01632 960000",
                "helpLink": "https://intranet.ourtown.nhs.uk/secure-email"
              }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(options.Notices.SenderName, Is.EqualTo("Ourtown IT Security"));
            Assert.That(options.Notices.Organisation, Is.EqualTo("Ourtown Hospitals NHS Trust"));
            Assert.That(options.Notices.ServiceDesk, Is.EqualTo("the IT service desk on 01632 960000"));
            Assert.That(options.Notices.HelpLink, Is.EqualTo("https://intranet.ourtown.nhs.uk/secure-email"));
            Assert.That(options.SourceFiles, Does.Contain(Path.Combine(scratch, "notices", "en", "block.txt")));
            Assert.That(options.SourceFiles, Has.Count.EqualTo(1 + NoticeTemplateNames.All.Count));
        });
    }

    [Test]
    public void A_bad_template_makes_the_whole_configuration_invalid_naming_the_template_file_and_line()
    {
        File.AppendAllText(Path.Combine(scratch, "notices", "en", "block-reason-sensitive-to-retired.txt"), "Ask {recipientName} for a new address.\n");

        var ex = Assert.Throws<PolicyConfigurationException>(() => Load("{ \"mode\": \"enforce\" }"))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.FilePath, Is.EqualTo(Path.Combine(scratch, "notices", "en", "block-reason-sensitive-to-retired.txt")));
            Assert.That(ex.Line, Is.EqualTo(File.ReadAllLines(ex.FilePath).Length));
            Assert.That(ex.Message, Does.Contain("unknown placeholder {recipientName}"));
        });
    }

    [Test]
    public void Without_a_template_folder_the_built_in_english_applies_and_another_language_is_an_error()
    {
        Directory.Delete(Path.Combine(scratch, "notices"), recursive: true);

        Assert.That(Load("{ }").Notices.Templates, Is.SameAs(NoticeTemplates.BuiltIn));
        var ex = Assert.Throws<PolicyConfigurationException>(() => Load("{\n  \"notices\": { \"language\": \"cy\" }\n}"))!;
        Assert.That(ex.Message, Does.Contain("securemailgate.json, line 2").And.Contain("no notice template folder"));
    }

    [TestCase("\"helpLink\": \"intranet/secure-email\"", "is not a web address")]
    [TestCase("\"organisation\": \"Ysbyty Gwynedd \u2013 Bangor\"", "must be plain ASCII")]
    [TestCase("\"senderName\": \"\"", "must not be empty")]
    [TestCase("\"language\": \"../en\"", "is not a language folder name")]
    [TestCase("\"folder\": \"missing\"", "does not exist")]
    [TestCase("\"colour\": \"blue\"", "colour")]
    public void A_bad_notices_setting_is_an_error_naming_the_configuration_file_and_line(string setting, string problem)
    {
        var ex = Assert.Throws<PolicyConfigurationException>(() => Load("{\n  \"notices\": {\n    " + setting + "\n  }\n}"))!;

        Assert.That(ex.Message, Does.Contain("securemailgate.json, line").And.Contain(problem));
    }

    private PolicyOptions Load(string json)
    {
        var path = Path.Combine(scratch, "securemailgate.json");
        File.WriteAllText(path, json);
        return PolicyConfigurationLoader.LoadFile(path);
    }
}
