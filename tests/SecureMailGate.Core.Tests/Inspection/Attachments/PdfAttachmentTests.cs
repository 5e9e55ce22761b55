using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

[TestFixture]
public sealed class PdfAttachmentTests
{
    [Test]
    public void PdfTextLayerIsScanned()
    {
        Verdict verdict = Gate.Attach("discharge.pdf", AttachmentFixtures.Pdf("Discharge summary for patient NHS number 943 476 5919"));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.pdf")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [Test]
    public void PdfWithoutTextLayerIsUnreadableNotClean()
    {
        Verdict verdict = Gate.Attach("scan.pdf", AttachmentFixtures.Pdf(null));

        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.pdf"), Is.Not.Null);
        Assert.That(verdict.Findings.Any(f => f.Kind == FindingKinds.NhsNumber), Is.False);
    }

    [Test]
    public void PdfRenamedAsTextIsStillReadAsPdf()
    {
        Verdict verdict = Gate.Attach("notes.txt", AttachmentFixtures.Pdf("Patient 943 476 5919"));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.txt")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void EncryptedPdfIsReportedAndBlockedToAccreditedDomain()
    {
        Verdict verdict = Gate.Attach("results.pdf", AttachmentFixtures.EncryptedPdf(), recipients: new[] { Gate.Council, Gate.NhsMail, Gate.Gmail });

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.pdf")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.pdf"), Is.Null, "encryption explains why no text was read");
        RecipientDecision council = verdict.Decisions.Single(d => d.Address == Gate.Council);
        Assert.That(council.Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(council.Reasons, Does.Contain(ReasonCodes.EncryptedAttachmentMayBeStripped));
        Assert.That(verdict.Decisions.Single(d => d.Address == Gate.NhsMail).Reasons, Does.Contain(ReasonCodes.EncryptionUnnecessary));
        Assert.That(verdict.Decisions.Single(d => d.Address == Gate.Gmail).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void LzwStreamThatCouldExpandPastTheLimitIsALimitBeforeDecoding()
    {
        // 20 KB of LZW could expand to ~70 MB, past the 50 MB the message may expand: not decoded at all.
        Verdict verdict = Gate.Attach("old-scan.pdf", AttachmentFixtures.LzwPdf(20_000));

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void SmallLzwStreamIsNotALimit()
    {
        Verdict verdict = Gate.Attach("old.pdf", AttachmentFixtures.LzwPdf(100));

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Null);
    }

    [Test]
    public void FlateBombInsidePdfIsALimit()
    {
        byte[] bomb = AttachmentFixtures.FlateBombPdf(60L * 1024 * 1024);
        Assert.That(bomb.Length, Is.LessThan(200_000), "the bomb is small on the wire");
        Verdict verdict = Gate.Attach("report.pdf", bomb);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void FlateStreamPastTheExpandedBytesLimitIsALimitEvenWithinTheRatio()
    {
        // 3 MB of spaces deflate ~1000:1; with the ratio out of the way the total-bytes limit must still hold.
        PolicyOptions tight = Gate.Policy with { Limits = new InspectionLimits(MaxExpandedBytes: 1_000_000, MaxRatio: 10_000) };

        Verdict verdict = Gate.Attach("report.pdf", AttachmentFixtures.FlateBombPdf(3L * 1024 * 1024), tight);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void ModestFlateStreamIsReadNormally()
    {
        // 500 KB of spaces deflates ~1000:1, far past the ratio, but is too small to hurt: no limit.
        Verdict verdict = Gate.Attach("blank.pdf", AttachmentFixtures.FlateBombPdf(500_000));

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Null, "a small stream is not judged by its ratio");
        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.pdf"), Is.Not.Null);
    }

    [TestCase("/Encrypt 5 0 R", true)]
    [TestCase("/Encrypt<</Filter/Standard>>", true)]
    [TestCase("/EncryptMetadata false", false)]
    [TestCase("no key here", false)]
    public void EncryptDictionaryScan(string text, bool expected)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7 trailer << " + text + " >>");
        Assert.That(Core.Inspection.Readers.PdfAttachmentReader.HasEncryptDictionary(bytes, bytes.Length), Is.EqualTo(expected));
    }
}
