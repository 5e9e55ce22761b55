using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// More inputs named in the hostile-content issue: each gives a verdict, and a planted NHS number never reaches an
/// external recipient with <c>allow</c>.
/// </summary>
[TestFixture]
public sealed class MoreHostileInputTests
{
    private const string Gmail = "relative@gmail.com";

    [Test]
    public void An_administrator_pattern_that_times_out_inside_an_attachment_is_never_allow()
    {
        // Catastrophic backtracking: (a+)+b against a long run of a's with no b takes far longer than the 1 s timeout.
        var pattern = new DetectionPattern("slow", "(a+)+b", Array.Empty<string>());
        var policy = Gate.Policy with { Detection = Gate.Policy.Detection with { Patterns = new[] { pattern } } };
        var text = Encoding.ASCII.GetBytes("NHS number 943 476 5919\n" + new string('a', 40) + "\n");

        var verdict = Gate.Attach("notes.txt", text, policy, Gmail);

        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void A_docx_with_a_dangling_image_relationship_is_never_allow()
    {
        byte[] docx = AttachmentFixtures.Docx(new[] { "Patient NHS number 943 476 5919" });
        using var ms = new MemoryStream();
        ms.Write(docx, 0, docx.Length);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            ZipArchiveEntry? rels = zip.Entries.SingleOrDefault(e => e.FullName == "word/_rels/document.xml.rels");
            string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>";
            if (rels is not null)
            {
                using (var reader = new StreamReader(rels.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                rels.Delete();
            }

            xml = xml.Replace("</Relationships>", "<Relationship Id=\"rIdMissing\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/missing.png\"/></Relationships>", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("word/_rels/document.xml.rels").Open());
            writer.Write(xml);
        }

        var verdict = Gate.Attach("letter.docx", ms.ToArray(), recipients: Gmail);

        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void A_winmail_dat_damaged_before_its_body_is_never_allow()
    {
        byte[] tnef = AttachmentFixtures.Tnef("Patient NHS number 943 476 5919");
        byte[] damaged = tnef.Take(30).Concat(Enumerable.Repeat((byte)0xFF, 64)).Concat(tnef.Skip(30)).ToArray();

        var verdict = Gate.Attach("winmail.dat", damaged, recipients: Gmail);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(f => f.Kind), Has.Some.AnyOf(FindingKinds.UnreadableAttachment, FindingKinds.InspectionLimit, FindingKinds.NhsNumber));
            Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }
}
