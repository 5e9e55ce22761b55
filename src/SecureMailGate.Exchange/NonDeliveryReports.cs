using System;
using System.Linq;
using Microsoft.Exchange.Data.Transport.Smtp;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>
/// The SMTP responses behind the agent's non-delivery reports. Built before the message is changed, because
/// Exchange 2013 throws <see cref="FormatException"/> for a response it does not accept (non-ASCII or NUL text, codes
/// of the wrong form): a response that cannot be built must defer the message, never fail half-way through.
/// </summary>
internal static class NonDeliveryReports
{
    /// <summary>The report for a recipient the policy blocks, worded by the policy's notice templates.</summary>
    public static SmtpResponse ForBlocked(RecipientDecision decision, PolicyOptions policy)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        return Create(BlockNotice.Explain(decision, policy).ToArray());
    }

    /// <summary>
    /// The report for a recipient who needed the encryption token when it could not be added to the subject: the
    /// message must not leave unprotected, and the sender can add the token themselves.
    /// </summary>
    public static SmtpResponse ForTokenNotAdded(PolicyOptions policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        return Create(BlockNotice.ExplainTokenNotAdded(policy.Encryption, policy.Notices).ToArray());
    }

    private static SmtpResponse Create(string[] lines)
    {
        // Exchange 2016 and 2019 mark this constructor obsolete; the replacement does not exist in 2013, which we build against.
#pragma warning disable CS0618
        return new SmtpResponse(BlockNotice.StatusCode, BlockNotice.EnhancedStatusCode, string.Join(" ", lines), true, lines);
#pragma warning restore CS0618
    }
}
