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
            Assert.That(json.GetProperty("policy").GetString(), Is.EqualTo("sha256:abc"));
            Assert.That(json.GetProperty("policyVersion").GetString(), Is.EqualTo("sha256:abc"));
            Assert.That(json.TryGetProperty("event", out _), Is.False, "only configuration lines carry an event field");
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

    [Test]
    public void A_configuration_line_is_one_json_object_marked_as_an_event()
    {
        var line = ConfigurationAuditRecord.ToJsonLine(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), ConfigurationOutcome.Rejected, "configuration file changed", "C:\\agent\\securemailgate.json", "sha256:0123456789abcdef", "sha256:fedcba9876543210", "securemailgate.json, line 2: unknown key");

        Assert.That(line, Does.Not.Contain("\n"));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("time").GetString(), Is.EqualTo("2026-03-01T09:30:00.000Z"));
            Assert.That(json.GetProperty("event").GetString(), Is.EqualTo("configuration"));
            Assert.That(json.GetProperty("outcome").GetString(), Is.EqualTo("rejected"));
            Assert.That(json.GetProperty("file").GetString(), Is.EqualTo("C:\\agent\\securemailgate.json"));
            Assert.That(json.GetProperty("policy").GetString(), Is.EqualTo("sha256:0123456789abcdef"));
            Assert.That(json.GetProperty("inForce").GetString(), Is.EqualTo("sha256:fedcba9876543210"));
            Assert.That(json.GetProperty("problem").GetString(), Does.Contain("line 2"));
        });
    }

    [Test]
    public void The_policy_version_is_the_first_16_hex_digits_of_the_file_s_SHA_256()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{ \"mode\": \"enforce\" }\n");
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant().Substring(0, 16);

        Assert.That(SecureMailGate.Core.Configuration.PolicyConfigurationLoader.VersionOf(bytes), Is.EqualTo("sha256:" + expected));
    }
}
