using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// Every report the agent can produce is one Exchange accepts (the facade refuses what Exchange 2013 refuses), so a
/// blocked recipient never turns into a failure half-way through a message. The real-assembly leg runs the same cases
/// against Exchange's own SmtpResponse.
/// </summary>
[TestFixture]
public sealed class NonDeliveryReportTests
{
    [TestCaseSource(typeof(NdrCases), nameof(NdrCases.All))]
    public void Every_blocked_recipient_gets_a_permanent_policy_failure_Exchange_accepts(RecipientDecision decision, EncryptionOptions encryption)
    {
        var response = NonDeliveryReports.ForBlocked(decision, new PolicyOptions { Encryption = encryption });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo("550"));
            Assert.That(response.EnhancedStatusCode, Is.EqualTo("5.7.1"));
            Assert.That(response.StatusText, Has.Length.GreaterThan(1));
            Assert.That(response.StatusText, Has.All.Length.LessThanOrEqualTo(400));
            Assert.That(string.Join(" ", response.StatusText), Does.Contain("What to do").Or.Contain("what to do").Or.Contain("Reason code"));
        });
    }

    [TestCaseSource(typeof(NdrCases), nameof(NdrCases.EncryptionSettings))]
    public void The_report_for_a_token_that_could_not_be_added_tells_the_sender_to_add_it(EncryptionOptions encryption)
    {
        var response = NonDeliveryReports.ForTokenNotAdded(new PolicyOptions { Encryption = encryption });

        Assert.That(string.Join(" ", response.StatusText), Does.Contain("add " + encryption.Token.Replace("\u00e9", "?", StringComparison.Ordinal)));
    }

    [Test]
    public void A_report_never_carries_more_than_the_recipient_address_and_the_reasons()
    {
        var decision = new RecipientDecision("someone@example.com", "example.com", Core.Addressing.RecipientTier.External, RecipientAction.Block, new[] { ReasonCodes.NhsNumberInSubject });

        var text = string.Join(" ", NonDeliveryReports.ForBlocked(decision, PolicyOptions.Default).StatusText);

        Assert.That(text.Where(char.IsDigit), Is.Empty, "no number from the message can appear in a report");
    }
}
