using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Engine;

/// <summary>Whole messages through the engine: per-recipient decisions as a host would apply them.</summary>
[TestFixture]
public sealed class EngineDecisionTests
{
    private const string Discharge = "Discharge summary\nNHS number 943 476 5919\n";

    [Test]
    public void Mixed_recipients_each_get_their_own_decision()
    {
        Verdict verdict = Evaluate.Mime(
            Evaluate.PlainMessage("Discharge", Discharge),
            new[] { "ward@ourtrust.nhs.uk", "dn@nhs.net", "carer@hotmail.co.uk", "x@efaxsend.com", "team@council.example.gov.uk", "bad@@address", "old@dwp.gsi.gov.uk" });
        Assert.Multiple(() =>
        {
            Assert.That(verdict.For("ward@ourtrust.nhs.uk").Action, Is.EqualTo(RecipientAction.Allow));
            Assert.That(verdict.For("dn@nhs.net").Action, Is.EqualTo(RecipientAction.Allow));
            Assert.That(verdict.For("dn@nhs.net").Reasons, Is.EqualTo(new[] { ReasonCodes.UnmarkedSensitive }));
            Assert.That(verdict.For("carer@hotmail.co.uk").Action, Is.EqualTo(RecipientAction.Encrypt));
            Assert.That(verdict.For("x@efaxsend.com").Action, Is.EqualTo(RecipientAction.Block));
            Assert.That(verdict.For("team@council.example.gov.uk").Tier, Is.EqualTo(RecipientTier.Accredited));
            Assert.That(verdict.For("bad@@address").Action, Is.EqualTo(RecipientAction.Block));
            Assert.That(verdict.For("old@dwp.gsi.gov.uk").Tier, Is.EqualTo(RecipientTier.Retired));
            Assert.That(verdict.For("old@dwp.gsi.gov.uk").Action, Is.EqualTo(RecipientAction.Block));
            Assert.That(verdict.Decisions.Select(d => d.Address), Is.EqualTo(new[] { "ward@ourtrust.nhs.uk", "dn@nhs.net", "carer@hotmail.co.uk", "x@efaxsend.com", "team@council.example.gov.uk", "bad@@address", "old@dwp.gsi.gov.uk" }));
        });
    }

    [Test]
    public void Legacy_domains_follow_the_injected_clock()
    {
        string mime = Evaluate.PlainMessage("hello", "nothing sensitive");
        Verdict before = Evaluate.Mime(mime, new[] { "a@dwp.gsi.gov.uk" }, clock: FixedClock.At(2019, 3, 30));
        Verdict after = Evaluate.Mime(mime, new[] { "a@dwp.gsi.gov.uk" }, clock: FixedClock.At(2019, 3, 31));
        Assert.That(before.For("a@dwp.gsi.gov.uk").Tier, Is.EqualTo(RecipientTier.GovSecureLegacy));
        Assert.That(after.For("a@dwp.gsi.gov.uk").Tier, Is.EqualTo(RecipientTier.Retired));
        Assert.That(after.For("a@dwp.gsi.gov.uk").Action, Is.EqualTo(RecipientAction.Warn));
    }

    [Test]
    public void Auto_forwarded_mail_to_gmail_is_blocked_even_when_not_sensitive()
    {
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("fwd", "lunch?", "Auto-Submitted: auto-forwarded\n"), new[] { "me@gmail.com", "me@nhs.net" });
        Assert.That(verdict.For("me@gmail.com").Action, Is.EqualTo(RecipientAction.Block));
        Assert.That(verdict.For("me@nhs.net").Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void Exchange_inbox_rule_forwarding_counts_as_auto_forwarded()
    {
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("fwd", "lunch?", "X-MS-Exchange-Inbox-Rules-Loop: clinician@ourtrust.nhs.uk\n"), new[] { "me@gmail.com" });
        Assert.That(verdict.For("me@gmail.com").Reasons, Does.Contain(ReasonCodes.AutoForwardedToInsecure));
    }

    [Test]
    public void Monitor_mode_records_the_same_decisions()
    {
        PolicyOptions monitor = Evaluate.Policy with { Mode = PolicyMode.Monitor };
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("x", Discharge), new[] { "a@gmail.com" }, monitor);
        Assert.That(verdict.Mode, Is.EqualTo(PolicyMode.Monitor));
        Assert.That(verdict.For("a@gmail.com").Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [Test]
    public void Exemptions_allow_and_are_reported()
    {
        PolicyOptions options = Evaluate.Policy with { Exemptions = new Exemptions(Recipients: new[] { "partner.org.uk", "named@gmail.com" }) };
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("x", Discharge), new[] { "a@partner.org.uk", "Named@Gmail.com", "other@gmail.com" }, options);
        Assert.Multiple(() =>
        {
            Assert.That(verdict.For("a@partner.org.uk").Reasons, Is.EqualTo(new[] { ReasonCodes.RecipientExempt }));
            Assert.That(verdict.For("Named@Gmail.com").Action, Is.EqualTo(RecipientAction.Allow));
            Assert.That(verdict.For("other@gmail.com").Action, Is.EqualTo(RecipientAction.Encrypt));
            Assert.That(verdict.ExemptionsUsed, Is.EquivalentTo(new[] { "recipient:partner.org.uk", "recipient:named@gmail.com" }));
        });
    }

    [Test]
    public void Exempt_sender_allows_every_recipient()
    {
        PolicyOptions options = Evaluate.Policy with { Exemptions = new Exemptions(Senders: new[] { "audit@ourtrust.nhs.uk" }) };
        Verdict verdict = Evaluate.Mime(Evaluate.PlainMessage("x", Discharge), new[] { "a@gmail.com" }, options, sender: "audit@ourtrust.nhs.uk");
        Assert.That(verdict.For("a@gmail.com").Reasons, Is.EqualTo(new[] { ReasonCodes.SenderExempt }));
        Assert.That(verdict.ExemptionsUsed, Is.EqualTo(new[] { "sender:audit@ourtrust.nhs.uk" }));
    }

    [Test]
    public void Verdict_carries_message_id_policy_version_and_time()
    {
        Verdict verdict = Evaluate.Text("x", Discharge);
        Assert.That(verdict.MessageId, Is.EqualTo("<t1@ourtrust.nhs.uk>"));
        Assert.That(verdict.PolicyVersion, Is.EqualTo("built-in"));
        Assert.That(verdict.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.Zero));
    }
}
