using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SharpCompress.Common;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>
/// ZIP entries System.IO.Compression cannot inflate, end records that undercount, damaged entries and 7z: the planted
/// identifier is found wherever it is, and one bad entry never hides the others.
/// </summary>
[TestFixture]
public sealed class CompressionMethodArchiveTests
{
    private const string Relative = "relative@gmail.com";
    private static readonly byte[] Planted = Encoding.UTF8.GetBytes("Referral letter\nNHS number 943 476 5919\n");
    private static readonly byte[] Innocent = Encoding.UTF8.GetBytes("Minutes of the estates meeting, nothing personal.\n");

    [TestCase(CompressionType.BZip2)]
    [TestCase(CompressionType.LZMA)]
    [TestCase(CompressionType.PPMd)]
    public void EntryCompressedWithAMethodZipArchiveCannotInflateIsRead(CompressionType method)
    {
        byte[] zip = ArchiveWriters.Zip(("notes.txt", Planted, method));

        Verdict verdict = Gate.Attach("records.zip", zip, recipients: Relative);

        AssertPlantedNumberFound(verdict, "attachment:1.zip/1.txt");
        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.zip"), Is.Null);
    }

    [Test]
    public void Bzip2FirstEntryNoLongerHidesTheDeflateEntryAfterIt()
    {
        byte[] zip = ArchiveWriters.Zip(("cover.txt", Innocent, CompressionType.BZip2), ("notes.txt", Planted, CompressionType.Deflate));

        Verdict verdict = Gate.Attach("records.zip", zip, recipients: Relative);

        AssertPlantedNumberFound(verdict, "attachment:1.zip/2.txt");
    }

    [Test]
    public void EndRecordUndercountingTheEntriesStillHasEveryEntryRead()
    {
        byte[] zip = ArchiveWriters.Zip(
            ("a.txt", Innocent, CompressionType.Deflate),
            ("b.txt", Innocent, CompressionType.Deflate),
            ("c.txt", Innocent, CompressionType.Deflate),
            ("notes.txt", Planted, CompressionType.Deflate));

        Verdict verdict = Gate.Attach("records.zip", ArchiveWriters.SetEndRecordCount(zip, 2), recipients: Relative);

        AssertPlantedNumberFound(verdict, "attachment:1.zip/4.txt");
    }

    [Test]
    public void EndRecordCountingMoreEntriesThanTheDirectoryHoldsIsUnreadableButWhatIsThereIsRead()
    {
        byte[] zip = ArchiveWriters.Zip(("cover.txt", Innocent, CompressionType.Deflate), ("notes.txt", Planted, CompressionType.BZip2));

        Verdict verdict = Gate.Attach("records.zip", ArchiveWriters.SetEndRecordCount(zip, 9), recipients: Relative);

        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.zip"), Is.Not.Null);
        AssertPlantedNumberFound(verdict, "attachment:1.zip/2.txt");
    }

    [Test]
    public void EntryLimitCountsTheRealEntriesNotTheEndRecord()
    {
        byte[] zip = ArchiveWriters.Zip(Enumerable.Range(0, 50).Select(i => ("f" + i + ".txt", Innocent, CompressionType.Deflate)).ToArray());
        PolicyOptions small = Gate.Policy with { Limits = new InspectionLimits(MaxEntries: 20) };

        Verdict verdict = Gate.Attach("many.zip", ArchiveWriters.SetEndRecordCount(zip, 5), small, Relative);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void HundredThousandEntriesWhoseEndRecordSays65535AreAnInspectionLimit()
    {
        var entries = Enumerable.Range(0, 100_000).Select(i => ("f" + i, new[] { (byte)'x' }, CompressionType.None)).ToList();
        entries.Add(("notes.txt", Planted, CompressionType.None));
        byte[] zip = ArchiveWriters.SetEndRecordCount(ArchiveWriters.Zip(entries.ToArray()), 0xFFFF);

        Verdict verdict = Gate.Attach("many.zip", zip, recipients: Relative);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    // Damaged data fails on the first read, inside the text reader a ".txt" entry gets, so the entry carries the
    // finding; a damaged local header fails on opening, and an entry that gave no bytes and has no text name is taken
    // by no reader, so the archive carries it. Either way the entry after it is read.
    [TestCase(false, "damaged.txt", "attachment:1.zip/2.txt")]
    [TestCase(true, "damaged.bin", "attachment:1.zip")]
    public void DamagedMiddleEntryIsAFindingAndTheNextEntryIsStillRead(bool damageHeader, string damagedName, string findingAt)
    {
        byte[] zip = ArchiveWriters.Zip(
            ("cover.txt", Innocent, CompressionType.Deflate),
            (damagedName, Encoding.UTF8.GetBytes(new string('x', 3000)), CompressionType.BZip2),
            ("notes.txt", Planted, CompressionType.Deflate));
        byte[] damaged = damageHeader ? ArchiveWriters.DamageLocalHeader(zip, 1) : ArchiveWriters.DamageEntryData(zip, 1);

        Verdict verdict = Gate.Attach("records.zip", damaged, recipients: Relative);

        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, findingAt), Is.Not.Null);
        AssertPlantedNumberFound(verdict, "attachment:1.zip/3.txt");
    }

    [Test]
    public void Bzip2BombIsStoppedByTheRatio()
    {
        byte[] zip = ArchiveWriters.Zip(("zeros.txt", new byte[4 * 1024 * 1024], CompressionType.BZip2));

        Verdict verdict = Gate.Attach("bomb.zip", zip, recipients: Relative);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    [TestCase(CompressionType.LZMA)]
    [TestCase(CompressionType.LZMA2)]
    public void UnencryptedSevenZipFilesAreReadAsNestedAttachments(CompressionType method)
    {
        byte[] archive = ArchiveWriters.SevenZip(method, ("cover.txt", Innocent), ("letters/notes.txt", Planted));

        Verdict verdict = Gate.Attach("records.7z", archive, recipients: Relative);

        AssertPlantedNumberFound(verdict, "attachment:1.7z/2.txt");
        Assert.That(verdict.Findings.Any(f => f.Kind is FindingKinds.UnreadableAttachment or FindingKinds.EncryptedAttachment), Is.False);
    }

    [Test]
    public void ZipInsideSevenZipIsReadThroughTheNestedPath()
    {
        byte[] inner = ArchiveWriters.Zip(("notes.txt", Planted, CompressionType.BZip2));
        byte[] archive = ArchiveWriters.SevenZip(CompressionType.LZMA2, ("inner.zip", inner));

        Verdict verdict = Gate.Attach("records.7z", archive, recipients: Relative);

        AssertPlantedNumberFound(verdict, "attachment:1.7z/1.zip/1.txt");
    }

    [Test]
    public void SevenZipBombIsStoppedBeforeItIsDecompressed()
    {
        byte[] archive = ArchiveWriters.SevenZip(CompressionType.LZMA2, ("zeros.txt", new byte[8 * 1024 * 1024]));

        Verdict verdict = Gate.Attach("bomb.7z", archive, recipients: Relative);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit), Is.Not.Null);
        Assert.That(verdict.Sensitive, Is.True);
    }

    private static void AssertPlantedNumberFound(Verdict verdict, string location)
    {
        Assert.That(verdict.Find(FindingKinds.NhsNumber, location), Is.Not.Null, "the planted NHS number at " + location);
        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }
}
