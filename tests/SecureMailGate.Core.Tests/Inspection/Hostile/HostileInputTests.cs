using System.Linq;
using MimeKit;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Hostile content can never take the gateway down: each input is evaluated on a 1 MB stack (an Exchange transport
/// thread), a verdict comes back, and the external recipient is never simply allowed.
/// </summary>
[TestFixture]
public sealed class HostileInputTests
{
    private static readonly HostileCase[] Corpus = HostileCorpus.Cases().ToArray();

    [TestCaseSource(nameof(Corpus))]
    public void TheVerdictArrivesAndTheExternalRecipientIsProtected(object input)
    {
        var hostile = (HostileCase)input;
        MimeMessage message = hostile.Build();

        Verdict verdict = SmallStack.Run(() => Gate.Evaluate(message));

        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.For(Gate.Gmail).Action, Is.AnyOf(RecipientAction.Encrypt, RecipientAction.Block));
    }

    [TestCaseSource(nameof(Corpus))]
    public void TheFindingSaysWhy(object input)
    {
        var hostile = (HostileCase)input;
        MimeMessage message = hostile.Build();

        Verdict verdict = SmallStack.Run(() => Gate.Evaluate(message));

        Assert.That(verdict.Kinds(), Does.Contain(hostile.ExpectedKind));
    }

    [Test]
    public void A_pdf_with_the_cycles_real_documents_have_is_still_read()
    {
        Verdict verdict = SmallStack.Run(() => Gate.Attach("results.pdf", HostilePdf.OrdinaryBackReferences()));

        Assert.That(Gate.Find(verdict, FindingKinds.NhsNumber, "attachment:1.pdf"), Is.Not.Null);
        Assert.That(verdict.Kinds(), Does.Not.Contain(FindingKinds.InspectionLimit).And.Not.Contain(FindingKinds.UnreadableAttachment));
    }

    [Test]
    public void Rtf_text_is_unchanged_by_a_long_chain_of_control_words()
    {
        string text = SmallStack.Run(() =>
        {
            using var reader = new RtfTextReader(new System.IO.StringReader(HostileRtf.ChainedControlWords(100_000)));
            return reader.ReadToEnd();
        });

        Assert.That(text, Is.EqualTo("Patient NHS number " + HostileRtf.NhsNumber + "\nend"));
    }

    [Test]
    public void Rtf_unicode_fallback_count_ends_with_its_group_so_no_digit_is_swallowed()
    {
        // \uc2 inside the group; after it, \u8364 has one fallback character ('?'), and the number must survive whole.
        const string rtf = @"{\rtf1\ansi\uc1 {\uc2 \u8364??}Ref \u8364?9434765919\par}";
        using var reader = new RtfTextReader(new System.IO.StringReader(rtf));

        Assert.That(reader.ReadToEnd(), Is.EqualTo("\u20ACRef \u20AC9434765919\n"));
    }

    [Test]
    public void Rtf_nested_as_deep_as_the_limit_is_still_read_and_one_more_level_is_a_limit()
    {
        using (var reader = new RtfTextReader(new System.IO.StringReader(HostileRtf.NestedGroups(RtfTextReader.MaxDepth - 1))))
        {
            Assert.That(reader.ReadToEnd(), Does.Contain(HostileRtf.NhsNumber).And.EndWith("x"));
        }

        using var deeper = new RtfTextReader(new System.IO.StringReader(HostileRtf.NestedGroups(RtfTextReader.MaxDepth)));
        Assert.That(() => deeper.ReadToEnd(), Throws.TypeOf<InspectionLimitException>());
    }
}
