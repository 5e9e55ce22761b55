using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>Text is read for what it is, not for its label: a patient list named ".json" or ".dat" is still read.</summary>
[TestFixture]
public sealed class TextByContentTests
{
    private const string Gmail = "relative@gmail.com";

    [TestCase("patients.json", "{ \"nhsNumber\": \"943 476 5919\" }")]
    [TestCase("notes.md", "# Clinic\nNHS number: 943 476 5919\n")]
    [TestCase("export.dat", "NHS No,Name\n9434765919,Smith\n")]
    [TestCase("unnamed", "Patient NHS number 943 476 5919")]
    public void Text_with_an_unlisted_name_is_read(string name, string text)
    {
        var verdict = Gate.Attach(name, Encoding.UTF8.GetBytes(text), recipients: Gmail);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.NhsNumber));
            Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    [Test]
    public void UTF16_text_without_a_byte_order_mark_is_read()
    {
        var bytes = new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes("NHS number 943 476 5919 for the clinic list");

        var verdict = Gate.Attach("list.dat", bytes, recipients: Gmail);

        Assert.That(verdict.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.NhsNumber));
    }

    [Test]
    public void Binary_content_is_not_read_as_text()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();

        var verdict = Gate.Attach("blob.bin", bytes, recipients: Gmail);

        Assert.That(verdict.Findings.Where(f => f.Location == "attachment:1.bin"), Is.Empty);
    }
}
