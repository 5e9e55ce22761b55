using System;
using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// Which paragraphs a blocked recipient's report holds, in the order the sender should act on them: first where
/// the message may go at all (an automatic rule, a fax or text service, a closed or mistyped address), then what
/// to change in it (the subject, a password on an attachment), then how to send it (a secure address instead).
/// Each reason that applies gets its paragraph; reasons that did not stop the message (e.g. an allow reason
/// listed after the block) get none. Advice fits the recipient's route: the NHS-number-in-subject paragraph
/// suggests the encryption token only to a recipient who can be reached with it.
/// </summary>
public static class BlockReasons
{
    // The order the sender should act in; the value is the template's reason part.
    private static readonly string[] Order =
    {
        ReasonCodes.AutoForwardedToInsecure,
        ReasonCodes.SensitiveToProhibitedChannel,
        ReasonCodes.SensitiveToRetired,
        ReasonCodes.SensitiveToInvalid,
        ReasonCodes.NhsNumberInSubject,
        ReasonCodes.EncryptedAttachmentMayBeStripped,
        ReasonCodes.SensitiveToInsecure,
    };

    // Reasons that never stop a message by themselves: they get no paragraph in a report.
    private static readonly string[] NotBlocking =
    {
        ReasonCodes.InternalRecipient, ReasonCodes.RetiredDomain, ReasonCodes.SenderRequestedEncryption,
        ReasonCodes.EncryptionUnnecessary, ReasonCodes.UnmarkedSensitive, ReasonCodes.SecureRoute,
        ReasonCodes.NotSensitive, ReasonCodes.SenderExempt, ReasonCodes.RecipientExempt,
    };

    /// <summary>
    /// The paragraphs of a blocked recipient's report, in order. Never empty for a blocked decision: a reason the templates do not know gets the
    /// <c>block-reason-other</c> paragraph.
    /// </summary>
    /// <param name="decision">The recipient's decision.</param>
    /// <param name="encryption">The organisation's encryption path.</param>
    public static IReadOnlyList<BlockReasonParagraph> For(RecipientDecision decision, EncryptionOptions encryption)
    {
        if (decision is null || encryption is null)
        {
            throw new ArgumentNullException(decision is null ? nameof(decision) : nameof(encryption));
        }

        var reasons = decision.Reasons;
        var canEncrypt = encryption.Enabled && decision.Tier is RecipientTier.NhsInsecure or RecipientTier.External;
        var result = new List<BlockReasonParagraph>();
        foreach (var code in Order.Where(reasons.Contains))
        {
            switch (code)
            {
                case ReasonCodes.NhsNumberInSubject:
                    result.Add(new BlockReasonParagraph(SubjectTemplate(decision, canEncrypt), new[] { code }));
                    break;
                case ReasonCodes.SensitiveToInsecure when canEncrypt && !reasons.Contains(ReasonCodes.EncryptionUnavailable):
                    break; // an encrypt vote, not a block: the subject paragraph already says to add the token
                case ReasonCodes.SensitiveToInsecure:
                    result.Add(new BlockReasonParagraph(NoticeTemplateNames.BlockReasonPrefix + code, reasons.Where(r => r is ReasonCodes.SensitiveToInsecure or ReasonCodes.EncryptionUnavailable).ToArray()));
                    break;
                default:
                    result.Add(new BlockReasonParagraph(NoticeTemplateNames.BlockReasonPrefix + code, new[] { code }));
                    break;
            }
        }

        if (reasons.Contains(ReasonCodes.EncryptionUnavailable) && !reasons.Contains(ReasonCodes.SensitiveToInsecure))
        {
            result.Add(new BlockReasonParagraph(NoticeTemplateNames.BlockReasonPrefix + ReasonCodes.SensitiveToInsecure, new[] { ReasonCodes.EncryptionUnavailable }));
        }

        var explained = new HashSet<string>(result.SelectMany(r => r.Codes), StringComparer.Ordinal);
        var unknown = reasons.Where(r => !explained.Contains(r) && !Order.Contains(r) && r != ReasonCodes.EncryptionUnavailable && !NotBlocking.Contains(r)).ToArray();
        if (unknown.Length > 0 || result.Count == 0)
        {
            result.Add(new BlockReasonParagraph(NoticeTemplateNames.BlockReasonPrefix + NoticeTemplateNames.OtherReason, unknown.Length > 0 ? unknown : reasons.ToArray()));
        }

        return result;
    }

    private static string SubjectTemplate(RecipientDecision decision, bool canEncrypt)
    {
        var name = NoticeTemplateNames.BlockReasonPrefix + ReasonCodes.NhsNumberInSubject;
        if (decision.Tier.IsSecureRoute())
        {
            return name + NoticeTemplateNames.SecureVariant;
        }

        // A fax or text service, a closed or mistyped address, or no encryption path: another paragraph says
        // where to send instead, so this one gives no routing advice.
        var elsewhere = decision.Reasons.Any(r => r is ReasonCodes.SensitiveToProhibitedChannel or ReasonCodes.SensitiveToRetired or ReasonCodes.SensitiveToInvalid or ReasonCodes.AutoForwardedToInsecure);
        return canEncrypt && !elsewhere ? name + NoticeTemplateNames.EncryptVariant : name;
    }
}
