using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

[TestFixture]
public sealed class ArchiveAttachmentTests
{
    private static readonly byte[] PatientText = Encoding.UTF8.GetBytes("Patient: J Bloggs\nNHS number 943 476 5919\n");

    [Test]
    public void NestedZipFindingIsLocatedByFullPath()
    {
        byte[] docx = AttachmentFixtures.Docx(new[] { "Patient ", "943 476 5919" });
        byte[] inner = AttachmentFixtures.Zip(("inner.docx", docx));
        byte[] outer = AttachmentFixtures.Zip(("readme.txt", Encoding.UTF8.GetBytes("nothing here")), ("inner.zip", inner));

        Verdict verdict = Gate.Attach("outer.zip", outer);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.zip/2.zip/1.docx")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [Test]
    public void TextFileThatIsReallyAZipIsInspectedAsZip()
    {
        byte[] zip = AttachmentFixtures.Zip(("notes.txt", PatientText));

        Verdict verdict = Gate.Attach("notes.txt", zip);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.txt/1.txt")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void PasswordProtectedZipIsEncryptedAttachmentBlockedToAccredited()
    {
        byte[] zip = AttachmentFixtures.MarkEncrypted(AttachmentFixtures.Zip(("results.csv", PatientText)));

        Verdict verdict = Gate.Attach("results.zip", zip, recipients: new[] { Gate.Council });

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.zip")?.Confidence, Is.EqualTo(Confidence.High));
        RecipientDecision decision = verdict.Decisions.Single();
        Assert.That(decision.Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(decision.Reasons, Does.Contain(ReasonCodes.EncryptedAttachmentMayBeStripped));
        Assert.That(verdict.Findings.Any(f => f.Kind == FindingKinds.NhsNumber), Is.False, "encrypted entries cannot be read");
    }

    [Test]
    public void ZipBombIsStoppedByRatioQuickly()
    {
        byte[] bomb = AttachmentFixtures.ZeroBomb("zeros.txt", 200L * 1024 * 1024);
        Verdict verdict = Gate.Attach("bomb.zip", bomb);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [Test]
    public void ZipBombLyingAboutItsSizeNeverInflatesUnbounded()
    {
        byte[] bomb = AttachmentFixtures.LieAboutSizes(AttachmentFixtures.ZeroBomb("zeros.txt", 200L * 1024 * 1024));
        Verdict verdict = Gate.Attach("bomb.zip", bomb);

        // Declared sizes that cannot hold the compressed data are themselves a limit, before anything is inflated.
        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void EntryDeclaringASizeSmallerThanItsDataIsALimit()
    {
        // ~100 KB of text that does not compress away, with the identifier near the end: past the declared 10 bytes,
        // where ZipArchive stops inflating and the detectors would never see it.
        var random = new System.Random(1234);
        var text = new StringBuilder();
        while (text.Length < 100_000)
        {
            text.Append(random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
        }

        text.Append("patient 943 476 5919\n");
        byte[] zip = AttachmentFixtures.DeclareUncompressedSize(AttachmentFixtures.Zip(("notes.txt", Encoding.ASCII.GetBytes(text.ToString()))), 10);

        Verdict verdict = Gate.Attach("notes.zip", zip);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void StoredEntryWhoseSizesDifferIsALimit()
    {
        byte[] zip = StoredZip("notes.txt", Encoding.ASCII.GetBytes("Referral for patient 943 476 5919, see notes."));
        byte[] lying = AttachmentFixtures.DeclareUncompressedSize(zip, 8);

        Verdict honest = Gate.Attach("notes.zip", zip);
        Verdict verdict = Gate.Attach("notes.zip", lying);

        Assert.That(honest.Find(FindingKinds.NhsNumber, "attachment:1.zip/1.txt"), Is.Not.Null, "a stored entry with matching sizes is read");
        Assert.That(honest.FindKind(FindingKinds.InspectionLimit), Is.Null);
        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void SmallAndIncompressibleEntriesAreNotMistakenForHiddenData()
    {
        var random = new System.Random(99);
        byte[] noise = new byte[50_000];
        random.NextBytes(noise);
        byte[] zip = AttachmentFixtures.Zip(("empty.txt", System.Array.Empty<byte>()), ("one.txt", new[] { (byte)'x' }), ("noise.bin", noise), ("notes.txt", PatientText));

        Verdict verdict = Gate.Attach("mixed.zip", zip);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Null);
        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.zip/4.txt"), Is.Not.Null);
    }

    private static byte[] StoredZip(string name, byte[] content)
    {
        using var ms = new System.IO.MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using System.IO.Stream s = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.NoCompression).Open();
            s.Write(content, 0, content.Length);
        }

        return ms.ToArray();
    }

    [Test]
    public void DecompressedBytesPastTheRatioTripTheLimit()
    {
        var budget = new InspectionBudget(new InspectionLimits(MaxRatio: 100), System.TimeProvider.System);
        using var endless = new RatioLimitedStream(new EndlessZeros(), compressed: 1000, budget);
        byte[] buffer = new byte[8192];
        long total = 0;

        Assert.Throws<InspectionLimitException>(() =>
        {
            while (true)
            {
                total += endless.Read(buffer, 0, buffer.Length);
            }
        });
        Assert.That(total, Is.LessThanOrEqualTo(100_000));
    }

    private sealed class EndlessZeros : System.IO.Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new System.NotSupportedException();

        public override long Position { get => 0; set => throw new System.NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            System.Array.Clear(buffer, offset, count);
            return count;
        }

        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();
    }

    [Test]
    public void NestedZipBombIsStoppedByDepth()
    {
        byte[] current = AttachmentFixtures.Zip(("leaf.txt", PatientText));
        for (int i = 0; i < 8; i++)
        {
            current = AttachmentFixtures.Zip(("level" + i + ".zip", current));
        }

        Verdict verdict = Gate.Attach("nest.zip", current);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [Test]
    public void ManyModestEntriesAreStoppedByTotalExpandedBytes()
    {
        byte[] text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + " ")));
        byte[] zip = AttachmentFixtures.Zip(Enumerable.Range(0, 10).Select(i => ("part" + i + ".txt", text)).ToArray());
        PolicyOptions small = Gate.Policy with { Limits = new InspectionLimits(MaxExpandedBytes: 1_000_000) };

        Verdict verdict = Gate.Attach("parts.zip", zip, small);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
    }

    [Test]
    public void TooManyEntriesIsALimit()
    {
        byte[] zip = AttachmentFixtures.Zip(Enumerable.Range(0, 50).Select(i => ("f" + i + ".txt", new byte[] { (byte)'x' })).ToArray());
        PolicyOptions small = Gate.Policy with { Limits = new InspectionLimits(MaxEntries: 20) };

        Verdict verdict = Gate.Attach("many.zip", zip, small);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
    }

    [Test]
    public void SevenZipWithEncryptedHeaderIsEncryptedAttachment()
    {
        Verdict verdict = Gate.Attach("records.7z", AttachmentFixtures.SevenZip(encryptedHeader: true), recipients: new[] { Gate.Council });

        Assert.That(verdict.Find(FindingKinds.EncryptedAttachment, "attachment:1.7z")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Block));
    }

    [Test]
    public void SevenZipWithoutEncryptionIsUnreadableNotEncrypted()
    {
        Verdict verdict = Gate.Attach("records.dat", AttachmentFixtures.SevenZip(encryptedHeader: false));

        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.dat"), Is.Not.Null);
        Assert.That(verdict.Findings.Any(f => f.Kind == FindingKinds.EncryptedAttachment), Is.False);
    }

    [Test]
    public void WinmailDatInsideZipIsReadThroughTnef()
    {
        byte[] zip = AttachmentFixtures.Zip(("winmail.dat", AttachmentFixtures.Tnef("Referral for patient 943 476 5919")));

        Verdict verdict = Gate.Attach("forwarded.zip", zip);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.zip/1.dat")?.Confidence, Is.EqualTo(Confidence.High));
    }
}
