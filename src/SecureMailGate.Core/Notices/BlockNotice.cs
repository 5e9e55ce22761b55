using System;
using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// The text of the non-delivery report a sender gets when one recipient is blocked (POLICY §4 <c>block</c>):
/// which recipient, every reason that applies in the order the sender should act on them, what to do, and the
/// reason codes last for the service desk. Worded by the <c>block*</c> templates of <see cref="NoticeSettings"/>.
/// The text never holds anything from the message itself (subject, body, attachment names), only the recipient's
/// address and domain. Pure: depends only on the decision and the settings.
/// </summary>
public static class BlockNotice
{
    /// <summary>SMTP reply code of a blocked recipient: a permanent failure.</summary>
    public const string StatusCode = "550";

    /// <summary>Enhanced status code of a blocked recipient: 5.7.1, delivery not authorised by policy.</summary>
    public const string EnhancedStatusCode = "5.7.1";

    /// <summary>Longest line of a report; SMTP reply lines must stay below 512 octets with their code.</summary>
    public const int MaxLineLength = 400;

    /// <summary>The explanation in the built-in English wording (<see cref="NoticeSettings.Default"/>).</summary>
    /// <param name="decision">A decision whose action is <see cref="RecipientAction.Block"/>.</param>
    /// <param name="encryption">The organisation's encryption settings (to say whether the token can be used).</param>
    public static IReadOnlyList<string> Explain(RecipientDecision decision, EncryptionOptions encryption) =>
        Explain(decision, encryption, NoticeSettings.Default);

    /// <summary>The explanation in the wording of the policy in force (its notice settings and encryption token).</summary>
    /// <param name="decision">A decision whose action is <see cref="RecipientAction.Block"/>.</param>
    /// <param name="policy">The policy in force.</param>
    public static IReadOnlyList<string> Explain(RecipientDecision decision, PolicyOptions policy) =>
        Explain(decision, (policy ?? throw new ArgumentNullException(nameof(policy))).Encryption, policy.Notices);

    /// <summary>
    /// The explanation as short lines of printable ASCII, ready for an SMTP reply / delivery-status notification.
    /// The last line of the shipped wording names the reason codes so the service desk can look them up.
    /// </summary>
    /// <param name="decision">A decision whose action is <see cref="RecipientAction.Block"/>.</param>
    /// <param name="encryption">The organisation's encryption settings.</param>
    /// <param name="settings">The templates and the organisation's values.</param>
    public static IReadOnlyList<string> Explain(RecipientDecision decision, EncryptionOptions encryption, NoticeSettings settings)
    {
        if (decision is null || encryption is null || settings is null)
        {
            throw new ArgumentNullException(decision is null ? nameof(decision) : encryption is null ? nameof(encryption) : nameof(settings));
        }

        var values = CommonValues(encryption, settings);
        values[NoticePlaceholders.Recipient] = decision.Address;
        values[NoticePlaceholders.Domain] = decision.Domain ?? decision.Address;
        var paragraphs = BlockReasons.For(decision, encryption);
        values[NoticePlaceholders.Reasons] = string.Join("\n", paragraphs.SelectMany(p => settings.Templates[p.Template].Render(values)).Where(l => l.Trim().Length > 0));
        values[NoticePlaceholders.ReasonCodes] = string.Join(", ", paragraphs.SelectMany(p => p.Codes).Distinct(StringComparer.Ordinal));
        return ForSmtp(settings.Templates[NoticeTemplateNames.Block].Render(values));
    }

    /// <summary>The explanation as one paragraph (the lines of <see cref="Explain(RecipientDecision, EncryptionOptions, NoticeSettings)"/> joined by spaces).</summary>
    /// <param name="decision">A decision whose action is <see cref="RecipientAction.Block"/>.</param>
    /// <param name="encryption">The organisation's encryption settings.</param>
    /// <param name="settings">The templates and the organisation's values; null for the built-in English.</param>
    public static string ExplainAsParagraph(RecipientDecision decision, EncryptionOptions encryption, NoticeSettings? settings = null) =>
        string.Join(" ", Explain(decision, encryption, settings ?? NoticeSettings.Default));

    /// <summary>
    /// The report for a recipient who needed the encryption token when it could not be added to the subject: the
    /// message must not leave unprotected, and the sender can add the token themselves.
    /// </summary>
    /// <param name="encryption">The organisation's encryption settings.</param>
    /// <param name="settings">The templates and the organisation's values.</param>
    public static IReadOnlyList<string> ExplainTokenNotAdded(EncryptionOptions encryption, NoticeSettings settings)
    {
        if (encryption is null || settings is null)
        {
            throw new ArgumentNullException(encryption is null ? nameof(encryption) : nameof(settings));
        }

        var values = CommonValues(encryption, settings);
        values[NoticePlaceholders.ReasonCodes] = ReasonCodes.SensitiveToInsecure;
        return ForSmtp(settings.Templates[NoticeTemplateNames.BlockTokenNotAdded].Render(values));
    }

    // SMTP replies are ASCII: anything else (e.g. an internationalised address) is replaced, never dropped silently.
    /// <summary>The text with every character outside printable US-ASCII replaced by '?', as SMTP replies need.</summary>
    /// <param name="text">Any text.</param>
    public static string ToAscii(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < ' ' || chars[i] > '~')
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    internal static Dictionary<string, string> CommonValues(EncryptionOptions encryption, NoticeSettings settings) => new(StringComparer.Ordinal)
    {
        [NoticePlaceholders.Token] = encryption.Token,
        [NoticePlaceholders.Organisation] = settings.Organisation,
        [NoticePlaceholders.ServiceDesk] = settings.ServiceDesk,
        [NoticePlaceholders.HelpLink] = settings.HelpLink,
    };

    private static IReadOnlyList<string> ForSmtp(IEnumerable<string> lines) =>
        lines.Where(l => l.Trim().Length > 0)
            .Select(ToAscii)
            .Select(l => l.Length <= MaxLineLength ? l : l.Substring(0, MaxLineLength))
            .ToArray();
}
