using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// The notice templates every language folder must hold (<c>&lt;name&gt;.txt</c>), with the placeholders each may use
/// and whether it goes into an SMTP reply (then it must be plain ASCII).
/// </summary>
public static class NoticeTemplateNames
{
    /// <summary>Frame of the non-delivery report for one blocked recipient.</summary>
    public const string Block = "block";

    /// <summary>Prefix of the paragraph for one block reason: <c>block-reason-&lt;reason code&gt;[-variant]</c>.</summary>
    public const string BlockReasonPrefix = "block-reason-";

    /// <summary>The report for a recipient whose encryption token could not be added.</summary>
    public const string BlockTokenNotAdded = "block-token-not-added";

    /// <summary>Subject of the warning notice.</summary>
    public const string WarnSubject = "warn-subject";

    /// <summary>Body of the warning notice.</summary>
    public const string WarnNotice = "warn-notice";

    /// <summary>One flagged recipient in the warning notice.</summary>
    public const string WarnRecipient = "warn-recipient";

    /// <summary>Prefix of the paragraph for one warn reason: <c>warn-reason-&lt;reason code&gt;</c>.</summary>
    public const string WarnReasonPrefix = "warn-reason-";

    /// <summary>Suffix of the variant used when the recipient is on a secure route.</summary>
    public const string SecureVariant = "-secure";

    /// <summary>Suffix of the variant used when the recipient can be reached with the encryption token.</summary>
    public const string EncryptVariant = "-encrypt";

    /// <summary>Reason-code part of the fallback paragraph for a reason the templates do not know.</summary>
    public const string OtherReason = "other";

    private static readonly string[] Common = { NoticePlaceholders.Organisation, NoticePlaceholders.ServiceDesk, NoticePlaceholders.HelpLink, NoticePlaceholders.Token };

    private static readonly string[] ReasonPlaceholders = Common.Concat(new[] { NoticePlaceholders.Recipient, NoticePlaceholders.Domain }).ToArray();

    /// <summary>Every template, in file-name order, with what it may contain.</summary>
    public static IReadOnlyList<NoticeTemplateSpec> All { get; } = new[]
    {
        new NoticeTemplateSpec(Block, Common.Concat(new[] { NoticePlaceholders.Recipient, NoticePlaceholders.Domain, NoticePlaceholders.Reasons, NoticePlaceholders.ReasonCodes }).ToArray(), SmtpReply: true),
        BlockReason(Policy.ReasonCodes.AutoForwardedToInsecure),
        BlockReason(Policy.ReasonCodes.EncryptedAttachmentMayBeStripped),
        BlockReason(Policy.ReasonCodes.NhsNumberInSubject),
        BlockReason(Policy.ReasonCodes.NhsNumberInSubject + EncryptVariant),
        BlockReason(Policy.ReasonCodes.NhsNumberInSubject + SecureVariant),
        BlockReason(OtherReason),
        BlockReason(Policy.ReasonCodes.SensitiveToInsecure),
        BlockReason(Policy.ReasonCodes.SensitiveToInvalid),
        BlockReason(Policy.ReasonCodes.SensitiveToProhibitedChannel),
        BlockReason(Policy.ReasonCodes.SensitiveToRetired),
        new NoticeTemplateSpec(BlockTokenNotAdded, Common.Concat(new[] { NoticePlaceholders.ReasonCodes }).ToArray(), SmtpReply: true),
        new NoticeTemplateSpec(WarnNotice, Common.Concat(new[] { NoticePlaceholders.SentAt, NoticePlaceholders.RecipientCount, NoticePlaceholders.Recipients }).ToArray(), SmtpReply: false),
        WarnReason(OtherReason),
        WarnReason(Policy.ReasonCodes.RetiredDomain),
        WarnReason(Policy.ReasonCodes.UnmarkedSensitive),
        new NoticeTemplateSpec(WarnRecipient, Common.Concat(new[] { NoticePlaceholders.Recipient, NoticePlaceholders.Domain, NoticePlaceholders.Reasons, NoticePlaceholders.ReasonCodes }).ToArray(), SmtpReply: false),
        new NoticeTemplateSpec(WarnSubject, Common.Concat(new[] { NoticePlaceholders.SentAt, NoticePlaceholders.RecipientCount }).ToArray(), SmtpReply: false, SingleLine: true),
    };

    /// <summary>The specification of a template, or null when no template has that name.</summary>
    /// <param name="name">A template name (the file name without <c>.txt</c>).</param>
    public static NoticeTemplateSpec? Find(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
    }

    private static NoticeTemplateSpec BlockReason(string code) => new(BlockReasonPrefix + code, ReasonPlaceholders, SmtpReply: true);

    private static NoticeTemplateSpec WarnReason(string code) => new(WarnReasonPrefix + code, ReasonPlaceholders, SmtpReply: false);
}
