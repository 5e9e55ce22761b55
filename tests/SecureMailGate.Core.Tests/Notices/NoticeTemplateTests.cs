using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Notices;

namespace SecureMailGate.Core.Tests.Notices;

[TestFixture]
public sealed class NoticeTemplateTests
{
    private static readonly NoticeTemplateSpec Ndr = NoticeTemplateNames.Find(NoticeTemplateNames.Block)!;
    private static readonly NoticeTemplateSpec Notice = NoticeTemplateNames.Find(NoticeTemplateNames.WarnNotice)!;

    [Test]
    public void An_unknown_placeholder_is_an_error_naming_the_file_the_line_and_the_placeholders_allowed()
    {
        var ex = Assert.Throws<PolicyConfigurationException>(() =>
            NoticeTemplate.Parse(Ndr, "# note\nYour message was not delivered to {recipient}.\nCall {servicedesk}.\n", "notices/en/block.txt"))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.FilePath, Is.EqualTo("notices/en/block.txt"));
            Assert.That(ex.Line, Is.EqualTo(3));
            Assert.That(ex.Message, Does.Contain("unknown placeholder {servicedesk}").And.Contain("{serviceDesk}"));
        });
    }

    [Test]
    public void A_character_an_SMTP_reply_cannot_carry_is_an_error_in_a_report_template_but_not_in_a_notice()
    {
        const string text = "Your message was not delivered to {recipient} \u2013 sorry.\n";

        var ex = Assert.Throws<PolicyConfigurationException>(() => NoticeTemplate.Parse(Ndr, text, "block.txt"))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.StartWith("block.txt, line 1:").And.Contain("U+2013").And.Contain("ASCII"));
            Assert.That(() => NoticeTemplate.Parse(Notice, "Diolch \u2013 {sentAt}\n", "warn-notice.txt"), Throws.Nothing);
        });
    }

    [TestCase("Too long: " + "x", 300, TestName = "A report line over 300 characters is refused")]
    public void A_report_line_longer_than_an_SMTP_reply_should_carry_is_refused(string start, int length)
    {
        var ex = Assert.Throws<PolicyConfigurationException>(() => NoticeTemplate.Parse(Ndr, start.PadRight(length + 1, 'x'), "block.txt"))!;

        Assert.That(ex.Message, Does.Contain("at most 300").And.Contain("line 1"));
    }

    [TestCase("Reasons: {reasons}", "must be alone on its line")]
    [TestCase("A stray { brace", "brace")]
    [TestCase("# only a note", "has no text")]
    public void A_malformed_template_is_refused(string text, string problem)
    {
        Assert.That(() => NoticeTemplate.Parse(Ndr, text, "block.txt"), Throws.TypeOf<PolicyConfigurationException>().With.Message.Contains(problem));
    }

    [Test]
    public void A_line_whose_value_is_empty_is_left_out_and_values_are_never_expanded_twice()
    {
        var template = NoticeTemplate.Parse(Ndr, "To {recipient}.\nHelp: {helpLink}\n{reasons}\nEnd\n", "block.txt");

        var lines = template.Render(new Dictionary<string, string>
        {
            ["recipient"] = "{helpLink}@example.com",
            ["helpLink"] = string.Empty,
            ["reasons"] = "First.\nSecond.",
        });

        Assert.That(lines, Is.EqualTo(new[] { "To {helpLink}@example.com.", "First.", "Second.", "End" }));
    }

    [Test]
    public void The_built_in_templates_are_the_shipped_english_folder_and_it_is_complete()
    {
        var shipped = NoticeConfiguration.LoadFolder(Path.Combine(TestPaths.RepositoryRoot(), "config", "notices", "en"), "en");

        Assert.Multiple(() =>
        {
            foreach (var spec in NoticeTemplateNames.All)
            {
                Assert.That(NoticeTemplates.BuiltIn[spec.Name].Lines, Is.EqualTo(shipped[spec.Name].Lines), spec.Name);
            }
        });
    }

    [Test]
    public void A_folder_missing_a_template_or_holding_a_misspelt_one_is_refused_naming_the_file()
    {
        var folder = TestPaths.CopyShippedLanguage("en");
        try
        {
            File.Move(Path.Combine(folder, "warn-subject.txt"), Path.Combine(folder, "warn-subjct.txt"));

            var ex = Assert.Throws<PolicyConfigurationException>(() => NoticeConfiguration.LoadFolder(folder, "en"))!;
            Assert.That(ex.FilePath, Does.EndWith("warn-subjct.txt"));
            Assert.That(ex.Message, Does.Contain("not a notice template this version uses"));

            File.Delete(Path.Combine(folder, "warn-subjct.txt"));
            ex = Assert.Throws<PolicyConfigurationException>(() => NoticeConfiguration.LoadFolder(folder, "en"))!;
            Assert.That(ex.FilePath, Does.EndWith("warn-subject.txt"));
            Assert.That(ex.Message, Does.Contain("the notice template is missing"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
        }
    }
}
