using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

[TestFixture]
public sealed class CompoundFileAttachmentTests
{
    [Test]
    public void PasswordProtectedDocxIsEncryptedAttachment()
    {
        byte[] file = CompoundFileBuilder.Build(("EncryptionInfo", new byte[] { 4, 0, 4, 0, 0x40, 0, 0, 0 }), ("EncryptedPackage", new byte[8192]));

        Verdict verdict = Gate.Attach("letter.docx", file, recipients: new[] { Gate.Council, Gate.NhsMail });

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.docx")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Decisions.Single(d => d.Address == Gate.Council).Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(verdict.Decisions.Single(d => d.Address == Gate.NhsMail).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void TruncatedEncryptedDocxIsStillRecognisedByStreamNames()
    {
        byte[] file = CompoundFileBuilder.Build(("EncryptionInfo", new byte[16]), ("EncryptedPackage", new byte[8192]));
        byte[] cut = file.Take(1536).ToArray();
        cut[0x1E] = 0x55; // a damaged header: the structure cannot be parsed, the names are still there

        Verdict verdict = Gate.Attach("letter.xlsx", cut);

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.xlsx"), Is.Not.Null);
    }

    [Test]
    public void EncryptedWord97DocumentIsEncryptedAttachment()
    {
        byte[] file = CompoundFileBuilder.Build(("WordDocument", AttachmentFixtures.WordFib(encrypted: true)), ("1Table", new byte[4096]));

        Verdict verdict = Gate.Attach("old.doc", file);

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.doc"), Is.Not.Null);
    }

    [Test]
    public void PlainWord97DocumentIsUnreadableNotEncrypted()
    {
        byte[] file = CompoundFileBuilder.Build(("WordDocument", AttachmentFixtures.WordFib(encrypted: false)), ("1Table", new byte[4096]));

        Verdict verdict = Gate.Attach("old.doc", file);

        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.doc"), Is.Not.Null);
        Assert.That(verdict.Findings.Any(f => f.Kind == FindingKinds.EncryptedAttachment), Is.False);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Excel97FilePassRecordDecidesEncryption(bool filePass)
    {
        byte[] file = CompoundFileBuilder.Build(("Workbook", AttachmentFixtures.Biff(filePass)));

        Verdict verdict = Gate.Attach("old.xls", file);

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.xls") is not null, Is.EqualTo(filePass));
    }

    [Test]
    public void EncryptedPowerPoint97IsEncryptedAttachment()
    {
        byte[] file = CompoundFileBuilder.Build(("PowerPoint Document", new byte[4096]), ("EncryptedSummary", new byte[4096]));

        Verdict verdict = Gate.Attach("old.ppt", file);

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.ppt"), Is.Not.Null);
    }

    [Test]
    public void OutlookMsgWithoutTextIsReadNotReportedUnreadable()
    {
        // .msg properties are read now (Inspection/Formats/OutlookMessageTests): empty ones give nothing to report.
        byte[] file = CompoundFileBuilder.Build(("__properties_version1.0", new byte[64]), ("__substg1.0_0037001F", new byte[64]));

        Verdict verdict = Gate.Attach("forwarded.msg", file);

        Assert.That(verdict.Findings, Is.Empty);
    }
}
