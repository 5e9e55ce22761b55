using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Policy;

/// <summary>The decision rules of POLICY §3, one by one, then their precedence.</summary>
[TestFixture]
public sealed class RecipientRulesTests
{
    private static readonly MessageFacts Clean = new(Sensitive: false);
    private static readonly MessageFacts Sensitive = new(Sensitive: true);

    private static (RecipientAction Action, IReadOnlyList<string> Reasons) Decide(RecipientTier tier, MessageFacts facts, PolicyOptions? options = null) =>
        RecipientRules.Decide(tier, facts, options ?? PolicyOptions.Default);

    [Test]
    public void Rule1_internal_is_always_allowed()
    {
        var worst = new MessageFacts(true, NhsNumberInSubject: true, AutoForwarded: true, EncryptedAttachment: true);
        Assert.That(Decide(RecipientTier.Internal, worst), Is.EqualTo((RecipientAction.Allow, (IReadOnlyList<string>)new[] { ReasonCodes.InternalRecipient })).Using(new DecisionComparer()));
    }

    [TestCase(RecipientTier.NhsMail)]
    [TestCase(RecipientTier.Accredited)]
    [TestCase(RecipientTier.External)]
    [TestCase(RecipientTier.SecureNhsLocal)]
    [TestCase(RecipientTier.Invalid)]
    public void Rule2_NHS_number_in_subject_blocks_every_non_internal_recipient(RecipientTier tier)
    {
        var result = Decide(tier, new MessageFacts(true, NhsNumberInSubject: true));
        Assert.That(result.Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(result.Reasons[0], Is.EqualTo(ReasonCodes.NhsNumberInSubject));
    }

    [TestCase(RecipientTier.External, RecipientAction.Block)]
    [TestCase(RecipientTier.NhsInsecure, RecipientAction.Block)]
    [TestCase(RecipientTier.ProhibitedChannel, RecipientAction.Block)]
    [TestCase(RecipientTier.Retired, RecipientAction.Block)]
    [TestCase(RecipientTier.NhsMail, RecipientAction.Allow)]
    [TestCase(RecipientTier.Accredited, RecipientAction.Allow)]
    public void Rule3_auto_forwarded_to_a_non_secure_tier_is_blocked(RecipientTier tier, RecipientAction expected)
    {
        var result = Decide(tier, new MessageFacts(false, AutoForwarded: true));
        Assert.That(result.Action, Is.EqualTo(expected));
        Assert.That(result.Reasons.Contains(ReasonCodes.AutoForwardedToInsecure), Is.EqualTo(expected == RecipientAction.Block));
    }

    [Test]
    public void Rule4_retired_blocks_when_sensitive_and_warns_otherwise()
    {
        Assert.That(Decide(RecipientTier.Retired, Sensitive).Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(Decide(RecipientTier.Retired, Sensitive).Reasons, Is.EqualTo(new[] { ReasonCodes.SensitiveToRetired }));
        Assert.That(Decide(RecipientTier.Retired, Clean).Action, Is.EqualTo(RecipientAction.Warn));
        Assert.That(Decide(RecipientTier.Retired, Clean).Reasons, Is.EqualTo(new[] { ReasonCodes.RetiredDomain }));
    }

    [Test]
    public void Rule5_prohibited_channel_blocks_when_sensitive_and_allows_otherwise()
    {
        Assert.That(Decide(RecipientTier.ProhibitedChannel, Sensitive).Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(Decide(RecipientTier.ProhibitedChannel, Clean).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [TestCase(RecipientTier.External)]
    [TestCase(RecipientTier.NhsInsecure)]
    public void Rule6_sensitive_to_insecure_is_encrypted(RecipientTier tier)
    {
        Assert.That(Decide(tier, Sensitive).Action, Is.EqualTo(RecipientAction.Encrypt));
        Assert.That(Decide(tier, Sensitive).Reasons, Is.EqualTo(new[] { ReasonCodes.SensitiveToInsecure }));
        Assert.That(Decide(tier, Clean).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void Rule6_sender_already_asked_for_encryption()
    {
        var result = Decide(RecipientTier.External, new MessageFacts(true, EncryptionRequested: true));
        Assert.That(result.Action, Is.EqualTo(RecipientAction.Allow));
        Assert.That(result.Reasons, Is.EqualTo(new[] { ReasonCodes.SenderRequestedEncryption }));
    }

    [Test]
    public void Rule6_without_an_encryption_path_blocks()
    {
        PolicyOptions noPath = PolicyOptions.Default with { Encryption = new EncryptionOptions(Enabled: false) };
        var result = Decide(RecipientTier.External, Sensitive, noPath);
        Assert.That(result.Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(result.Reasons, Is.EqualTo(new[] { ReasonCodes.SensitiveToInsecure, ReasonCodes.EncryptionUnavailable }));
    }

    [Test]
    public void Rule7_sensitive_to_invalid_is_blocked()
    {
        Assert.That(Decide(RecipientTier.Invalid, Sensitive).Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(Decide(RecipientTier.Invalid, Clean).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [TestCase(RecipientTier.Accredited, RecipientAction.Block, ReasonCodes.EncryptedAttachmentMayBeStripped)]
    [TestCase(RecipientTier.GovSecureLegacy, RecipientAction.Block, ReasonCodes.EncryptedAttachmentMayBeStripped)]
    [TestCase(RecipientTier.NhsMail, RecipientAction.Allow, ReasonCodes.EncryptionUnnecessary)]
    [TestCase(RecipientTier.SecureNhsLocal, RecipientAction.Allow, ReasonCodes.EncryptionUnnecessary)]
    [TestCase(RecipientTier.External, RecipientAction.Allow, ReasonCodes.NotSensitive)]
    public void Rule8_encrypted_attachments(RecipientTier tier, RecipientAction expected, string reason)
    {
        var result = Decide(tier, new MessageFacts(false, EncryptedAttachment: true));
        Assert.That(result.Action, Is.EqualTo(expected));
        Assert.That(result.Reasons[0], Is.EqualTo(reason));
    }

    [Test]
    public void Rule9_unmarked_sensitive_to_a_secure_tier_is_allowed_or_warned()
    {
        Assert.That(Decide(RecipientTier.NhsMail, Sensitive).Reasons, Is.EqualTo(new[] { ReasonCodes.UnmarkedSensitive }));
        Assert.That(Decide(RecipientTier.NhsMail, Sensitive).Action, Is.EqualTo(RecipientAction.Allow));
        PolicyOptions warn = PolicyOptions.Default with { Detection = new DetectionOptions(WarnUnmarkedSensitive: true) };
        Assert.That(Decide(RecipientTier.Accredited, Sensitive, warn).Action, Is.EqualTo(RecipientAction.Warn));
        Assert.That(Decide(RecipientTier.Accredited, new MessageFacts(true, MarkedInSubject: true), warn).Action, Is.EqualTo(RecipientAction.Allow));
        Assert.That(Decide(RecipientTier.Accredited, new MessageFacts(true, MarkedInSubject: true), warn).Reasons, Is.EqualTo(new[] { ReasonCodes.SecureRoute }));
    }

    [Test]
    public void Rule10_everything_else_is_allowed()
    {
        Assert.That(Decide(RecipientTier.External, Clean), Is.EqualTo((RecipientAction.Allow, (IReadOnlyList<string>)new[] { ReasonCodes.NotSensitive })).Using(new DecisionComparer()));
        Assert.That(Decide(RecipientTier.GovSecureLegacy, Clean).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void Strongest_action_wins_and_reasons_are_listed_strongest_first()
    {
        // Sensitive, auto-forwarded, to external: encrypt (rule 6) loses to block (rule 3).
        var result = Decide(RecipientTier.External, new MessageFacts(true, AutoForwarded: true));
        Assert.That(result.Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(result.Reasons, Is.EqualTo(new[] { ReasonCodes.AutoForwardedToInsecure, ReasonCodes.SensitiveToInsecure }));
    }

    [Test]
    public void Encrypted_attachment_block_beats_unmarked_sensitive_allow()
    {
        var result = Decide(RecipientTier.Accredited, new MessageFacts(true, EncryptedAttachment: true));
        Assert.That(result.Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(result.Reasons, Is.EqualTo(new[] { ReasonCodes.EncryptedAttachmentMayBeStripped, ReasonCodes.UnmarkedSensitive }));
    }

    private sealed class DecisionComparer : IEqualityComparer<(RecipientAction, IReadOnlyList<string>)>
    {
        public bool Equals((RecipientAction, IReadOnlyList<string>) x, (RecipientAction, IReadOnlyList<string>) y) =>
            x.Item1 == y.Item1 && System.Linq.Enumerable.SequenceEqual(x.Item2, y.Item2);

        public int GetHashCode((RecipientAction, IReadOnlyList<string>) obj) => (int)obj.Item1;
    }
}
