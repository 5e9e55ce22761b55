using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace SecureMailGate.Cli;

/// <summary>
/// An envelope taken from a message's headers, for files that carry no SMTP envelope: the sender from From,
/// the recipients from To, Cc and Bcc (groups expanded, duplicates dropped, order kept).
/// </summary>
internal static class HeaderEnvelope
{
    public static string? SenderOf(MimeMessage message) => message.From.Mailboxes.FirstOrDefault()?.Address;

    public static IReadOnlyList<string> RecipientsOf(MimeMessage message)
    {
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (MailboxAddress mailbox in message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes))
        {
            if (!string.IsNullOrWhiteSpace(mailbox.Address) && seen.Add(mailbox.Address))
            {
                result.Add(mailbox.Address);
            }
        }

        return result;
    }
}
