namespace SecureMailGate.Core.Notices;

/// <summary>
/// How notices and non-delivery reports are worded (POLICY §7 <c>notices</c>): the templates of the chosen
/// language and the values the organisation fills in. Immutable; <see cref="Default"/> is the built-in English.
/// </summary>
public sealed record NoticeSettings
{
    /// <summary>The built-in settings: English templates, no organisation name, no help link.</summary>
    public static NoticeSettings Default { get; } = new();

    /// <summary>The language folder the templates came from (<c>notices.language</c>), e.g. <c>en</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Display name of the warning notice's sender (<c>notices.senderName</c>).</summary>
    public string SenderName { get; init; } = "SecureMailGate";

    /// <summary>The organisation's name for <c>{organisation}</c> (<c>notices.organisation</c>); empty for none.</summary>
    public string Organisation { get; init; } = string.Empty;

    /// <summary>Who senders should contact, for <c>{serviceDesk}</c> (<c>notices.serviceDesk</c>).</summary>
    public string ServiceDesk { get; init; } = "your IT service desk";

    /// <summary>A help page for <c>{helpLink}</c> (<c>notices.helpLink</c>); empty for none.</summary>
    public string HelpLink { get; init; } = string.Empty;

    /// <summary>The templates.</summary>
    public NoticeTemplates Templates { get; init; } = NoticeTemplates.BuiltIn;
}
