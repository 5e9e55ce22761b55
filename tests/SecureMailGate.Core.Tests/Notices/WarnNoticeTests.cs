using System;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Notices;

[TestFixture]
public sealed class WarnNoticeTests
{
    [Test]
    public void No_warned_recipient_means_no_notice()
    {
        var verdict = Verdict(new RecipientDecision("gp@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Allow, new[] { ReasonCodes.SecureRoute }));

        Assert.That(WarnNotice.Compose(verdict, "Clinic list"), Is.Null);
    }

    [Test]
    public void One_notice_lists_every_warned_recipient_with_why_and_what_to_do()
    {
        var verdict = Verdict(
            new RecipientDecision("old@gsi.gov.uk", "gsi.gov.uk", RecipientTier.Retired, RecipientAction.Warn, new[] { ReasonCodes.RetiredDomain }),
            new RecipientDecision("gp@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Warn, new[] { ReasonCodes.UnmarkedSensitive }),
            new RecipientDecision("ok@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Allow, new[] { ReasonCodes.SecureRoute }));

        var notice = WarnNotice.Compose(verdict, "Clinic list")!;

        Assert.Multiple(() =>
        {
            Assert.That(notice.Subject, Is.EqualTo("Delivered, but please check: Clinic list"));
            Assert.That(notice.Body, Does.Contain("old@gsi.gov.uk").And.Contain("ask the recipient for their current e-mail address"));
            Assert.That(notice.Body, Does.Contain("gp@nhs.net").And.Contain("add OFFICIAL-SENSITIVE to the subject"));
            Assert.That(notice.Body, Does.Not.Contain("ok@nhs.net"));
        });
    }

    [Test]
    public void A_missing_subject_is_shown_as_such()
    {
        var verdict = Verdict(new RecipientDecision("old@gsi.gov.uk", "gsi.gov.uk", RecipientTier.Retired, RecipientAction.Warn, new[] { ReasonCodes.RetiredDomain }));

        Assert.That(WarnNotice.Compose(verdict, null)!.Subject, Does.EndWith("(no subject)"));
    }

    private static Verdict Verdict(params RecipientDecision[] decisions) =>
        new(PolicyMode.Enforce, "<id@x>", true, Array.Empty<Finding>(), decisions, TimeSpan.Zero, Array.Empty<string>(), "v1");
}
