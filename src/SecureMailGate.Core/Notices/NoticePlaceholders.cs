namespace SecureMailGate.Core.Notices;

/// <summary>
/// The named placeholders a notice template may use (written <c>{name}</c> in <c>config/notices/&lt;language&gt;/*.txt</c>).
/// Which template accepts which placeholder is fixed by <see cref="NoticeTemplateNames"/>; any other name is a
/// configuration error naming the file and line.
/// </summary>
public static class NoticePlaceholders
{
    /// <summary>The recipient's envelope address.</summary>
    public const string Recipient = "recipient";

    /// <summary>The recipient's domain (the address when it has no usable domain).</summary>
    public const string Domain = "domain";

    /// <summary>One paragraph per reason, in the order the sender should act; alone on its line.</summary>
    public const string Reasons = "reasons";

    /// <summary>The reason codes the text explains, comma-separated, for the service desk.</summary>
    public const string ReasonCodes = "reasonCodes";

    /// <summary>The encryption token, e.g. <c>[secure]</c>.</summary>
    public const string Token = "token";

    /// <summary>The organisation's name (<c>notices.organisation</c>); empty by default.</summary>
    public const string Organisation = "organisation";

    /// <summary>Who to contact (<c>notices.serviceDesk</c>), e.g. "the IT service desk on 01632 960000".</summary>
    public const string ServiceDesk = "serviceDesk";

    /// <summary>A help page address (<c>notices.helpLink</c>); empty by default.</summary>
    public const string HelpLink = "helpLink";

    /// <summary>When the message was decided, in UTC (<c>yyyy-MM-dd HH:mm UTC</c>).</summary>
    public const string SentAt = "sentAt";

    /// <summary>How many envelope recipients the message had.</summary>
    public const string RecipientCount = "recipientCount";

    /// <summary>One <c>warn-recipient</c> block per flagged recipient; alone on its line.</summary>
    public const string Recipients = "recipients";
}
