using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>
/// What could not be inspected counts as sensitive unless the administrator chose otherwise
/// (<c>detection.unreadableAttachments</c>): a reader that fails never lets the mail out to an insecure recipient.
/// </summary>
[TestFixture]
public sealed class FailClosedTests
{
    private const string Gmail = "relative@gmail.com";

    // A PDF whose body is damaged after the header: the reader cannot get at its text.
    private static readonly byte[] BrokenPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 1\ngarbage");

    [Test]
    public void An_unreadable_attachment_to_an_insecure_recipient_is_never_allowed()
    {
        var verdict = Gate.Attach("scan.pdf", BrokenPdf, recipients: Gmail);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.UnreadableAttachment));
            Assert.That(verdict.Sensitive, Is.True);
            Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    [Test]
    public void An_administrator_may_choose_to_ignore_unreadable_attachments_and_the_audit_still_names_them()
    {
        var policy = Gate.Policy with { Detection = Gate.Policy.Detection with { UnreadableAttachments = UnreadableAttachments.Ignore } };

        var verdict = Gate.Attach("scan.pdf", BrokenPdf, policy, Gmail);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Single(f => f.Kind == FindingKinds.UnreadableAttachment).Location, Is.EqualTo("attachment:1.pdf"));
            Assert.That(verdict.Sensitive, Is.False);
            Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Allow));
        });
    }
}
