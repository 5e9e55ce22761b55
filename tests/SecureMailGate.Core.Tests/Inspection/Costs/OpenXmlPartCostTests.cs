using System.IO;
using System.IO.Compression;
using NUnit.Framework;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>An Open XML package with more parts than <c>maxEntries</c> is a limit before the SDK opens (and indexes) it.</summary>
public sealed class OpenXmlPartCostTests
{
    [Test]
    public void PackageWithMorePartsThanMaxEntriesIsALimit()
    {
        // A real Word document plus parts nothing refers to: the SDK would open it and read its text without complaint.
        byte[] docx = WithExtraParts(AttachmentFixtures.Docx(new[] { "Clinic letter" }), 300);
        PolicyOptions small = Gate.Policy with { Limits = new InspectionLimits(MaxEntries: 200) };

        Verdict verdict = Gate.Evaluate(Gate.Message("Please see attached.", ("letter.docx", docx)), small, CostAssert.Relative);

        CostAssert.IsLimitNotAllowed(verdict);
    }

    [Test]
    public void PackageWithFewerPartsThanMaxEntriesIsRead()
    {
        byte[] docx = WithExtraParts(AttachmentFixtures.Docx(new[] { "NHS number 943 476 5919" }), 20);
        PolicyOptions small = Gate.Policy with { Limits = new InspectionLimits(MaxEntries: 200) };

        Verdict verdict = Gate.Evaluate(Gate.Message("Please see attached.", ("letter.docx", docx)), small, CostAssert.Relative);

        Assert.That(verdict.Findings, Has.None.Matches<Core.Inspection.Finding>(f => f.Kind == Core.Inspection.FindingKinds.InspectionLimit));
        Assert.That(verdict.Findings, Has.Some.Matches<Core.Inspection.Finding>(f => f.Kind == Core.Inspection.FindingKinds.NhsNumber));
    }

    private static byte[] WithExtraParts(byte[] package, int extra)
    {
        using var ms = new MemoryStream();
        ms.Write(package, 0, package.Length);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (int i = 0; i < extra; i++)
            {
                using Stream s = zip.CreateEntry("word/unused/part" + i + ".bin", CompressionLevel.Fastest).Open();
                s.WriteByte((byte)'x');
            }
        }

        return ms.ToArray();
    }
}
