using System;
using System.Text.Json;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Audit;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Audit;

[TestFixture]
public sealed class AuditRecordTests
{
    [Test]
    public void One_line_holds_what_POLICY_5_asks_for()
    {
        var verdict = new Verdict(
            PolicyMode.Enforce,
            "<m1@ourtrust.nhs.uk>",
            true,
            new[] { new Finding(FindingKinds.NhsNumber, "attachment:1.docx", Confidence.High) },
            new[] { new RecipientDecision("a@gmail.com", "gmail.com", RecipientTier.External, RecipientAction.Encrypt, new[] { ReasonCodes.SensitiveToInsecure }) },
            TimeSpan.FromMilliseconds(12.34),
            new[] { "sender:audit@ourtrust.nhs.uk" },
            "sha256:abc");

        var line = AuditRecord.ToJsonLine(verdict, "jane@ourtrust.nhs.uk", TimeSpan.FromMilliseconds(20), new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), enforced: true);

        Assert.That(line, Does.Not.Contain("\n"));
        var json = JsonDocument.Parse(line).RootElement;
        var recipient = json.GetProperty("recipients")[0];
        var finding = json.GetProperty("findings")[0];
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("time").GetString(), Is.EqualTo("2026-03-01T09:30:00.000Z"));
            Assert.That(json.GetProperty("messageId").GetString(), Is.EqualTo("<m1@ourtrust.nhs.uk>"));
            Assert.That(json.GetProperty("sender").GetString(), Is.EqualTo("jane@ourtrust.nhs.uk"));
            Assert.That(json.GetProperty("mode").GetString(), Is.EqualTo("enforce"));
            Assert.That(json.GetProperty("policyVersion").GetString(), Is.EqualTo("sha256:abc"));
            Assert.That(json.GetProperty("processingMs").GetDouble(), Is.EqualTo(20));
            Assert.That(recipient.GetProperty("tier").GetString(), Is.EqualTo("external"));
            Assert.That(recipient.GetProperty("action").GetString(), Is.EqualTo("encrypt"));
            Assert.That(recipient.GetProperty("reasons")[0].GetString(), Is.EqualTo("sensitive-to-insecure"));
            Assert.That(finding.GetProperty("kind").GetString(), Is.EqualTo("nhs-number"));
            Assert.That(finding.GetProperty("location").GetString(), Is.EqualTo("attachment:1.docx"));
            Assert.That(finding.GetProperty("confidence").GetString(), Is.EqualTo("high"));
            Assert.That(json.GetProperty("exemptionsUsed")[0].GetString(), Is.EqualTo("sender:audit@ourtrust.nhs.uk"));
        });
    }

    [Test]
    public void Null_sender_and_missing_message_id_are_written_as_null()
    {
        var verdict = new Verdict(PolicyMode.Monitor, null, false, Array.Empty<Finding>(), Array.Empty<RecipientDecision>(), TimeSpan.Zero, Array.Empty<string>(), "built-in");

        var json = JsonDocument.Parse(AuditRecord.ToJsonLine(verdict, null, TimeSpan.Zero, DateTimeOffset.UnixEpoch, enforced: false)).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("sender").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("messageId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("mode").GetString(), Is.EqualTo("monitor"));
            Assert.That(json.GetProperty("enforced").GetBoolean(), Is.False);
        });
    }
}
