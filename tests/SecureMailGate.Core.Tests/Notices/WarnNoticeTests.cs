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
    private static readonly DateTimeOffset SentAt = new(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));

    [Test]
    public void No_warned_recipient_means_no_notice()
    {
        var verdict = Verdict(new RecipientDecision("gp@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Allow, new[] { ReasonCodes.SecureRoute }));

        Assert.That(WarnNotice.Compose(verdict, SentAt, PolicyOptions.Default), Is.Null);
    }

    [Test]
    public void One_notice_lists_every_warned_recipient_with_why_and_what_to_do()
    {
        var verdict = Verdict(
            new RecipientDecision("old@gsi.gov.uk", "gsi.gov.uk", RecipientTier.Retired, RecipientAction.Warn, new[] { ReasonCodes.RetiredDomain }),
            new RecipientDecision("gp@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Warn, new[] { ReasonCodes.UnmarkedSensitive }),
            new RecipientDecision("ok@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Allow, new[] { ReasonCodes.SecureRoute }));

        var notice = WarnNotice.Compose(verdict, SentAt, PolicyOptions.Default)!;

        Assert.Multiple(() =>
        {
            Assert.That(notice.Subject, Is.EqualTo("Delivered, but please check: your message sent at 2026-03-01 09:30 UTC"));
            Assert.That(notice.Body, Does.StartWith("Your message sent at 2026-03-01 09:30 UTC to 3 recipient(s) was delivered"));
            Assert.That(notice.Body, Does.Contain("To old@gsi.gov.uk:").And.Contain("ask the recipient for their current e-mail address"));
            Assert.That(notice.Body, Does.Contain("To gp@nhs.net:").And.Contain("add OFFICIAL-SENSITIVE to the start of the subject"));
            Assert.That(notice.Body, Does.Not.Contain("ok@nhs.net"));
            Assert.That(notice.Body, Does.Contain("contact your IT service desk"));
        });
    }

    [Test]
    public void The_organisation_s_values_fill_the_notice_and_empty_ones_leave_no_line()
    {
        var verdict = Verdict(new RecipientDecision("gp@nhs.net", "nhs.net", RecipientTier.NhsMail, RecipientAction.Warn, new[] { ReasonCodes.UnmarkedSensitive }));
        var settings = NoticeSettings.Default with { Organisation = "Ourtown Hospitals NHS Trust", HelpLink = "https://intranet.example/secure-email" };

        var custom = WarnNotice.Compose(verdict, SentAt, new EncryptionOptions(), settings)!;
        var plain = WarnNotice.Compose(verdict, SentAt, PolicyOptions.Default)!;

        Assert.Multiple(() =>
        {
            Assert.That(custom.Body, Does.Contain("Help: https://intranet.example/secure-email").And.Contain("Ourtown Hospitals NHS Trust"));
            Assert.That(plain.Body, Does.Not.Contain("Help:"));
        });
    }

    private static Verdict Verdict(params RecipientDecision[] decisions) =>
        new(PolicyMode.Enforce, "<id@x>", true, Array.Empty<Finding>(), decisions, TimeSpan.Zero, Array.Empty<string>(), "v1");
}
