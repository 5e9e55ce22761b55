using System.Collections.Generic;
using System.Linq;
using MimeKit;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Hostile legacy Office and Outlook files, archives and compressed files never take the gateway down and never let a
/// message out as if clean: on a 1 MB stack, a verdict comes back, the external recipient is never simply allowed,
/// and the finding says why.
/// </summary>
[TestFixture]
public sealed class HostileLegacyInputTests
{
    private static readonly HostileCase[] Corpus = Cases().ToArray();

    [TestCaseSource(nameof(Corpus))]
    public void The_verdict_arrives_protects_the_external_recipient_and_says_why(object input)
    {
        var hostile = (HostileCase)input;
        MimeMessage message = hostile.Build();

        Verdict verdict = SmallStack.Run(() => Gate.Evaluate(message));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Sensitive, Is.True);
            Assert.That(verdict.For(Gate.Gmail).Action, Is.AnyOf(RecipientAction.Encrypt, RecipientAction.Block));
            Assert.That(verdict.Kinds(), Does.Contain(hostile.ExpectedKind));
        });
    }

    private static IEnumerable<HostileCase> Cases()
    {
        yield return new(".doc, directory chain loops onto itself", () => Attach("letter.doc", HostileLegacy.DirectoryChainLoop()), FindingKinds.UnreadableAttachment);
        yield return new(".doc, stream chain loops back to its start", () => Attach("letter.doc", HostileLegacy.StreamChainLoop()), FindingKinds.UnreadableAttachment);
        yield return new(".doc, every FAT entry leads to the next, the last to the first", () => Attach("letter.doc", HostileLegacy.FatOfItself()), FindingKinds.UnreadableAttachment);
        yield return new(".doc, stream claims 4 GB", () => Attach("letter.doc", HostileLegacy.HugeClaimedStreamSize()), FindingKinds.NhsNumber);
        yield return new(".doc, truncated", () => Attach("letter.doc", HostileLegacy.Truncated()), FindingKinds.UnreadableAttachment);
        yield return new(".doc, one 4 KB piece repeated 100,000 times", () => Attach("letter.doc", HostileLegacy.RepeatedPieces(100_000)), FindingKinds.InspectionLimit);
        yield return new(".xls, 8,000-character shared string in 10,000 cells", () => Attach("list.xls", HostileLegacy.SharedStringRepeated(10_000)), FindingKinds.InspectionLimit);
        yield return new(".xls, record runs past the end of the stream", () => Attach("list.xls", HostileLegacy.RecordPastTheEnd()), FindingKinds.UnreadableAttachment);
        yield return new(".ppt, text atom claims 2 GB", () => Attach("slides.ppt", HostileLegacy.AtomPastTheEnd()), FindingKinds.UnreadableAttachment);
        yield return new(".msg, messages attached 20 deep", () => Attach("fwd.msg", HostileLegacy.NestedMessages(20)), FindingKinds.InspectionLimit);
        yield return new(".msg, attached message contains its own attachment", () => Attach("fwd.msg", HostileLegacy.AttachmentCycle()), FindingKinds.InspectionLimit);
        yield return new(".msg, attachment is an embedded OLE document, not a file", () => Attach("fwd.msg", HostileLegacy.EmbeddedOleObject()), FindingKinds.UnreadableAttachment);
        yield return new(".gz, cut in half", () => Attach("data.gz", HostileArchives.TruncatedGzip()), FindingKinds.UnreadableAttachment);
        yield return new(".gz, data after the last member", () => Attach("letter.txt.gz", HostileArchives.GzipWithTrailingGarbage()), FindingKinds.UnreadableAttachment);
        yield return new(".gz, 100 MB of spaces (1000:1)", () => Attach("zeros.gz", HostileArchives.GzipBomb()), FindingKinds.InspectionLimit);
        yield return new(".bz2, cut in half", () => Attach("data.bz2", HostileArchives.TruncatedBzip2()), FindingKinds.UnreadableAttachment);
        yield return new(".tar, entry claims 8 GB", () => Attach("letters.tar", HostileArchives.TarClaimingEightGigabytes()), FindingKinds.UnreadableAttachment);
        yield return new(".tar.gz, 20,000 entries", () => Attach("many.tgz", HostileArchives.ManyEntriesTarGz(20_000)), FindingKinds.InspectionLimit);
    }

    private static MimeMessage Attach(string name, byte[] content) => Gate.Message("Please see attached.", (name, content));
}
