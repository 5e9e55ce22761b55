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
    /// <summary>The report for a recipient the policy blocks.</summary>
    public static SmtpResponse ForBlocked(RecipientDecision decision, EncryptionOptions encryption)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        var lines = BlockNotice.Explain(decision, encryption).ToArray();
        return Create(lines);
    }

    /// <summary>
    /// The report for a recipient who needed the encryption token when it could not be added to the subject: the
    /// message must not leave unprotected, and the sender can add the token themselves.
    /// </summary>
    public static SmtpResponse ForTokenNotAdded(EncryptionOptions encryption)
    {
        if (encryption is null)
        {
            throw new ArgumentNullException(nameof(encryption));
        }

        var token = BlockNotice.ToAscii(encryption.Token);
        return Create(new[]
        {
            "Your message was not delivered to this recipient because it needed to be sent encrypted and the mail server could not mark it for encryption.",
            $"What to do: add {token} to the start of the subject yourself and send it again. If this happens again, call your IT service desk.",
            "Reason code: " + ReasonCodes.SensitiveToInsecure + ".",
        });
    }

    private static SmtpResponse Create(string[] lines)
    {
        // Exchange 2016 and 2019 mark this constructor obsolete; the replacement does not exist in 2013, which we build against.
#pragma warning disable CS0618
        return new SmtpResponse(BlockNotice.StatusCode, BlockNotice.EnhancedStatusCode, string.Join(" ", lines), true, lines);
#pragma warning restore CS0618
    }
}
