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

    [TestCase(ReasonCodes.NhsNumberInSubject, "move the NHS number out of the subject")]
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
            Assert.That(BlockNotice.ExplainAsParagraph(decision, WithToken), Does.Contain("add [secure] to the subject, and send it again"));
            Assert.That(BlockNotice.ExplainAsParagraph(decision, NoEncryption), Does.Not.Contain("[secure]"));
        });
    }

    [Test]
    public void An_unknown_reason_still_tells_the_sender_what_to_do()
    {
        var text = BlockNotice.ExplainAsParagraph(Decision("a@b.com", "some-future-rule"), WithToken);

        Assert.That(text, Does.Contain("contact your IT service desk").And.Contain("some-future-rule"));
    }

    [Test]
    public void The_text_is_plain_ascii_in_lines_an_smtp_reply_can_carry()
    {
        var lines = BlockNotice.Explain(Decision("dr.müller@klinik.example", ReasonCodes.SensitiveToInsecure), WithToken);

        Assert.That(lines, Has.All.Matches<string>(l => l.Length < 512 && l.All(c => c >= ' ' && c <= '~')));
        Assert.That(lines[0], Does.Contain("dr.m?ller@klinik.example"));
    }

    [Test]
    public void Status_is_a_permanent_policy_failure()
    {
        Assert.That((BlockNotice.StatusCode, BlockNotice.EnhancedStatusCode), Is.EqualTo(("550", "5.7.1")));
    }

    private static RecipientDecision Decision(string address, string reason) =>
        new(address, address.Split('@')[1], RecipientTier.External, RecipientAction.Block, new[] { reason });
}
