using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Notices;

[TestFixture]
public sealed class BlockNoticeTests
{
    private static readonly EncryptionOptions WithToken = new();
    private static readonly EncryptionOptions NoEncryption = new(Enabled: false);

    private static readonly string[] AllReasonCodes = typeof(ReasonCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

    [TestCase(ReasonCodes.NhsNumberInSubject, "take the NHS number out of the subject")]
    [TestCase(ReasonCodes.AutoForwardedToInsecure, "switch off the automatic forwarding rule")]
    [TestCase(ReasonCodes.SensitiveToRetired, "ask the recipient for their current e-mail address")]
    [TestCase(ReasonCodes.SensitiveToProhibitedChannel, "e-mail-to-fax")]
    [TestCase(ReasonCodes.EncryptionUnavailable, "send it to the recipient's secure address")]
    [TestCase(ReasonCodes.SensitiveToInvalid, "check the address for typing mistakes")]
    [TestCase(ReasonCodes.EncryptedAttachmentMayBeStripped, "attach the file without a password")]
    public void Each_block_reason_names_the_recipient_and_the_next_step(string reason, string nextStep)
    {
        var lines = BlockNotice.Explain(Decision("someone@gmail.com", reason), NoEncryption);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("Your message was not delivered to someone@gmail.com."));
            Assert.That(string.Join(" ", lines), Does.Contain(nextStep));
            Assert.That(lines.Last(), Does.Contain(reason));
        });
    }

    [Test]
    public void Nhs_number_in_subject_suggests_the_token_only_when_the_organisation_can_encrypt()
    {
        var decision = Decision("someone@gmail.com", ReasonCodes.NhsNumberInSubject);

        Assert.Multiple(() =>
        {
            Assert.That(BlockNotice.ExplainAsParagraph(decision, WithToken), Does.Contain("add [secure] to the start of the subject"));
            Assert.That(BlockNotice.ExplainAsParagraph(decision, NoEncryption), Does.Not.Contain("[secure]"));
        });
    }

    [TestCase(RecipientTier.NhsMail, "gp@nhs.net")]
    [TestCase(RecipientTier.SecureNhsLocal, "ward@trust.secure.nhs.uk")]
    [TestCase(RecipientTier.Accredited, "social.care@council.gov.uk")]
    [TestCase(RecipientTier.GovSecureLegacy, "officer@force.pnn.police.uk")]
    public void A_recipient_on_a_secure_route_is_never_told_to_encrypt(RecipientTier tier, string address)
    {
        // The engine adds the allow reason of the secure route after the block.
        var decision = new RecipientDecision(address, address.Split('@')[1], tier, RecipientAction.Block, new[] { ReasonCodes.NhsNumberInSubject, ReasonCodes.UnmarkedSensitive });

        var text = BlockNotice.ExplainAsParagraph(decision, WithToken);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("[secure]"));
            Assert.That(text, Does.Contain("is a secure address, so you do not need to encrypt"));
            Assert.That(text, Does.Not.Contain(ReasonCodes.UnmarkedSensitive), "a reason that did not stop the message is not explained");
        });
    }

    [Test]
    public void A_fax_gateway_with_an_NHS_number_in_the_subject_gets_both_reasons_the_route_first_and_no_token_advice()
    {
        var decision = new RecipientDecision("01632960000@efaxsend.com", "efaxsend.com", RecipientTier.ProhibitedChannel, RecipientAction.Block,
            new[] { ReasonCodes.NhsNumberInSubject, ReasonCodes.SensitiveToProhibitedChannel });

        var lines = BlockNotice.Explain(decision, WithToken);
        var text = string.Join("\n", lines);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("e-mail-to-fax").And.Contain("take the NHS number out of the subject"));
            Assert.That(text.IndexOf("e-mail-to-fax", StringComparison.Ordinal), Is.LessThan(text.IndexOf("take the NHS number", StringComparison.Ordinal)),
                "where the message may go comes before what to change in it");
            Assert.That(text, Does.Contain("do not send this message to this address at all"));
            Assert.That(text, Does.Not.Contain("[secure]"), "no encryption makes a fax gateway acceptable");
            Assert.That(lines.Last(), Is.EqualTo("Reason code for the service desk: sensitive-to-prohibited-channel, nhs-number-in-subject."));
        });
    }

    [Test]
    public void An_insecure_recipient_with_no_encryption_path_and_an_NHS_number_in_the_subject_is_told_both_steps()
    {
        var decision = Decision("carer@hotmail.co.uk", ReasonCodes.NhsNumberInSubject, ReasonCodes.SensitiveToInsecure, ReasonCodes.EncryptionUnavailable);

        var lines = BlockNotice.Explain(decision, NoEncryption);
        var text = string.Join(" ", lines);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("take the NHS number out of the subject").And.Contain("send it to the recipient's secure address instead"));
            Assert.That(text, Does.Not.Contain("[secure]"));
            Assert.That(lines.Last(), Does.Contain("nhs-number-in-subject, sensitive-to-insecure, encryption-unavailable"));
        });
    }

    [Test]
    public void Reason_codes_appear_only_on_the_last_line_for_the_service_desk()
    {
        foreach (var tier in Enum.GetValues(typeof(RecipientTier)).Cast<RecipientTier>())
        {
            foreach (var encryption in new[] { WithToken, NoEncryption })
            {
                var lines = BlockNotice.Explain(new RecipientDecision("a@example.com", "example.com", tier, RecipientAction.Block, AllReasonCodes), encryption);

                Assert.That(lines.Take(lines.Count - 1), Has.None.Matches<string>(l => AllReasonCodes.Any(code => l.Contains(code, StringComparison.Ordinal))), $"{tier}, encryption {encryption.Enabled}");
                Assert.That(lines.Last(), Does.StartWith("Reason code for the service desk: "));
            }
        }
    }

    [Test]
    public void An_unknown_reason_still_tells_the_sender_what_to_do()
    {
        var text = BlockNotice.ExplainAsParagraph(Decision("a@b.com", "some-future-rule"), WithToken);

        Assert.That(text, Does.Contain("contact your IT service desk").And.Contain("some-future-rule"));
    }

    [Test]
    public void The_organisation_s_service_desk_and_help_link_are_used_and_an_empty_help_link_leaves_no_line()
    {
        var decision = Decision("a@gmail.com", ReasonCodes.SensitiveToInsecure, ReasonCodes.EncryptionUnavailable);
        var withDesk = NoticeSettings.Default with { ServiceDesk = "the Digital Service Desk on 01632 960000", HelpLink = "https://intranet.example.nhs.uk/secure-email" };

        var custom = BlockNotice.Explain(decision, NoEncryption, withDesk);
        var plain = BlockNotice.Explain(decision, NoEncryption);

        Assert.Multiple(() =>
        {
            Assert.That(custom, Does.Contain("If you are unsure what to do, contact the Digital Service Desk on 01632 960000."));
            Assert.That(custom, Does.Contain("Help: https://intranet.example.nhs.uk/secure-email"));
            Assert.That(plain, Does.Contain("If you are unsure what to do, contact your IT service desk."));
            Assert.That(plain, Has.None.StartWith("Help:"));
        });
    }

    [Test]
    public void The_text_is_plain_ascii_in_lines_an_smtp_reply_can_carry()
    {
        var lines = BlockNotice.Explain(Decision("dr.müller@klinik.example", ReasonCodes.SensitiveToInsecure), WithToken);

        Assert.That(lines, Has.All.Matches<string>(l => l.Length < 512 && l.All(c => c >= ' ' && c <= '~')));
        Assert.That(lines[0], Does.Contain("dr.m?ller@klinik.example"));
    }

    [Test]
    public void The_report_for_a_token_that_could_not_be_added_says_to_add_it_by_hand()
    {
        var lines = BlockNotice.ExplainTokenNotAdded(new EncryptionOptions(Token: "[encrypt]"), NoticeSettings.Default);

        Assert.Multiple(() =>
        {
            Assert.That(string.Join(" ", lines), Does.Contain("add [encrypt] to the start of the subject yourself"));
            Assert.That(lines.Last(), Is.EqualTo("Reason code for the service desk: sensitive-to-insecure."));
        });
    }

    [Test]
    public void Status_is_a_permanent_policy_failure()
    {
        Assert.That((BlockNotice.StatusCode, BlockNotice.EnhancedStatusCode), Is.EqualTo(("550", "5.7.1")));
    }

    private static RecipientDecision Decision(string address, params string[] reasons) =>
        new(address, address.Split('@')[1], RecipientTier.External, RecipientAction.Block, reasons);
}
