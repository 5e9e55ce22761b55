using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// The one notice a sender gets when a message was delivered but some recipients were flagged <c>warn</c>
/// (POLICY §4): which recipients, why, and what to do next time. Worded by the <c>warn*</c> templates of
/// <see cref="NoticeSettings"/>. It names the message by when it was sent and how many recipients it had, never by
/// its subject or content, which may hold patient details. Pure: depends only on its arguments.
/// </summary>
public static class WarnNotice
{
    // The order the sender should read them in; anything else gets warn-reason-other.
    private static readonly string[] Known = { ReasonCodes.RetiredDomain, ReasonCodes.UnmarkedSensitive };

    /// <summary>Builds the notice, or returns null when no recipient was flagged <c>warn</c>.</summary>
    /// <param name="verdict">The engine's verdict for the message.</param>
    /// <param name="sentAt">When the message was decided (shown in UTC so the sender can find it).</param>
    /// <param name="policy">The policy in force: its notice settings and encryption token.</param>
    public static SenderNotice? Compose(Verdict verdict, DateTimeOffset sentAt, PolicyOptions policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        return Compose(verdict, sentAt, policy.Encryption, policy.Notices);
    }

    /// <summary>Builds the notice, or returns null when no recipient was flagged <c>warn</c>.</summary>
    /// <param name="verdict">The engine's verdict for the message.</param>
    /// <param name="sentAt">When the message was decided (shown in UTC so the sender can find it).</param>
    /// <param name="encryption">The organisation's encryption settings (for <c>{token}</c>).</param>
    /// <param name="settings">The templates and the organisation's values.</param>
    public static SenderNotice? Compose(Verdict verdict, DateTimeOffset sentAt, EncryptionOptions encryption, NoticeSettings settings)
    {
        if (verdict is null || encryption is null || settings is null)
        {
            throw new ArgumentNullException(verdict is null ? nameof(verdict) : encryption is null ? nameof(encryption) : nameof(settings));
        }

        var warned = verdict.Decisions.Where(d => d.Action == RecipientAction.Warn).ToList();
        if (warned.Count == 0)
        {
            return null;
        }

        var templates = settings.Templates;
        var values = BlockNotice.CommonValues(encryption, settings);
        values[NoticePlaceholders.SentAt] = sentAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        values[NoticePlaceholders.RecipientCount] = verdict.Decisions.Count.ToString(CultureInfo.InvariantCulture);
        var blocks = new List<string>();
        foreach (var decision in warned)
        {
            var recipientValues = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                [NoticePlaceholders.Recipient] = decision.Address,
                [NoticePlaceholders.Domain] = decision.Domain ?? decision.Address,
            };
            var known = Known.Where(decision.Reasons.Contains).ToList();
            var reasonTemplates = known.Count > 0
                ? known.Select(code => NoticeTemplateNames.WarnReasonPrefix + code)
                : new[] { NoticeTemplateNames.WarnReasonPrefix + NoticeTemplateNames.OtherReason };
            recipientValues[NoticePlaceholders.Reasons] = string.Join("\n", reasonTemplates.SelectMany(t => templates[t].Render(recipientValues)));
            recipientValues[NoticePlaceholders.ReasonCodes] = string.Join(", ", known.Count > 0 ? known : decision.Reasons);
            blocks.AddRange(templates[NoticeTemplateNames.WarnRecipient].Render(recipientValues));
        }

        values[NoticePlaceholders.Recipients] = string.Join("\n", blocks);
        var subject = string.Join(" ", templates[NoticeTemplateNames.WarnSubject].Render(values)).Trim();
        var body = string.Join("\r\n", templates[NoticeTemplateNames.WarnNotice].Render(values)) + "\r\n";
        return new SenderNotice(subject, body);
    }
}
