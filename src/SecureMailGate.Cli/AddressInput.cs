using MimeKit;

namespace SecureMailGate.Cli;

/// <summary>
/// Addresses as people type them: <c>tom@nhs.net</c>, or copied from a mail client with a display name,
/// <c>Tom &lt;tom@nhs.net&gt;</c>. The display name is dropped; only the address is used.
/// </summary>
internal static class AddressInput
{
    /// <summary>The bare address of <paramref name="text"/> when it is in display-name form, else the text trimmed.</summary>
    public static string Bare(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.IndexOf('<') >= 0 && trimmed.EndsWith('>')
            && MailboxAddress.TryParse(trimmed, out MailboxAddress? mailbox) && !string.IsNullOrEmpty(mailbox.Address))
        {
            return mailbox.Address;
        }

        return trimmed;
    }

    /// <summary>
    /// What <c>classify</c> looks up: <see cref="Bare"/>, and <c>@nhs.net</c> (a domain written as published lists
    /// write it) as the domain <c>nhs.net</c>.
    /// </summary>
    public static string ForClassify(string text)
    {
        string bare = Bare(text);
        return bare.Length > 1 && bare[0] == '@' && bare.IndexOf('@', 1) < 0 ? bare.Substring(1) : bare;
    }
}
