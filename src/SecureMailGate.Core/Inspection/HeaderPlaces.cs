using System.Collections.Generic;
using System.Text;
using MimeKit;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Message headers that carry text a sender typed or an address book filled in, beside the subject: the display
/// names of From, Sender, Reply-To, To, Cc and Bcc (and of address groups), and Outlook's <c>Thread-Topic</c>, the
/// <c>Keywords</c> and <c>Comments</c> headers. Each is a place an identifier can sit; a finding there is located at
/// <c>header:&lt;name&gt;</c>, never quoted.
/// </summary>
internal static class HeaderPlaces
{
    /// <summary>The address headers whose display names are read.</summary>
    public static readonly HeaderId[] AddressHeaders = { HeaderId.From, HeaderId.Sender, HeaderId.ReplyTo, HeaderId.To, HeaderId.Cc, HeaderId.Bcc };

    /// <summary>The free-text headers read.</summary>
    public static readonly string[] TextHeaders = { "Thread-Topic", "Keywords", "Comments" };

    /// <summary>Each place's location and text (empty places left out).</summary>
    public static IEnumerable<(string Location, string Text)> Of(MimeMessage message)
    {
        foreach (HeaderId id in AddressHeaders)
        {
            if (!MayHoldNames(message.Headers, id))
            {
                // Bare addresses only: nothing to read, and MimeKit need not parse the list.
                continue;
            }

            string names = DisplayNames(AddressesOf(message, id));
            if (names.Length > 0)
            {
                yield return ("header:" + id.ToHeaderName(), names);
            }
        }

        foreach (string name in TextHeaders)
        {
            var text = new StringBuilder();
            foreach (Header header in message.Headers)
            {
                if (string.Equals(header.Field, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    text.Append(header.Value).Append('\n');
                }
            }

            if (text.Length > 0)
            {
                yield return ("header:" + name, text.ToString());
            }
        }
    }

    /// <summary>Every place's text as one block, for a message that is itself located at one attachment.</summary>
    public static string Text(MimeMessage message)
    {
        var text = new StringBuilder();
        foreach ((string _, string value) in Of(message))
        {
            text.Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Whether any header <paramref name="id"/> of the message holds more than bare addresses.</summary>
    private static bool MayHoldNames(HeaderList headers, HeaderId id)
    {
        foreach (Header header in headers)
        {
            if (header.Id == id && !IsBareAddressList(header.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a list such as <c>a@b.org, c.d@e.nhs.uk</c>: comma-separated tokens, each holding an <c>@</c>, made only of
    /// ASCII address characters, with white space only around commas. Anything else (angle brackets, a comment, quotes, a
    /// group, an encoded word, a phrase of several words, non-ASCII) may carry a display name and is parsed.
    /// </summary>
    /// <param name="value">The header's value.</param>
    /// <returns>Whether the value certainly carries no display name.</returns>
    internal static bool IsBareAddressList(string? value)
    {
        if (value is null)
        {
            return true;
        }

        bool inToken = false;
        bool tokenEnded = false;
        bool tokenHasAt = false;
        foreach (char c in value)
        {
            if (c == ',')
            {
                if (inToken && !tokenHasAt)
                {
                    return false;
                }

                (inToken, tokenEnded, tokenHasAt) = (false, false, false);
            }
            else if (c is ' ' or '\t' or '\r' or '\n')
            {
                tokenEnded |= inToken;
            }
            else if (tokenEnded || !IsAddressCharacter(c))
            {
                return false;
            }
            else
            {
                inToken = true;
                tokenHasAt |= c == '@';
            }
        }

        return !inToken || tokenHasAt;
    }

    // RFC 5322 atext, the dot and the at sign; "=?" stays out so encoded words are parsed.
    private static bool IsAddressCharacter(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '.' or '@' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    private static InternetAddressList AddressesOf(MimeMessage message, HeaderId id) => id switch
    {
        HeaderId.From => message.From,
        HeaderId.ReplyTo => message.ReplyTo,
        HeaderId.To => message.To,
        HeaderId.Cc => message.Cc,
        HeaderId.Bcc => message.Bcc,
        _ => message.Sender is { } sender ? new InternetAddressList(new InternetAddress[] { sender }) : new InternetAddressList(),
    };

    /// <summary>Display names, one per line; groups give their own name and their members' names.</summary>
    private static string DisplayNames(InternetAddressList addresses)
    {
        var names = new StringBuilder();
        var pending = new Stack<InternetAddress>();
        for (int i = addresses.Count - 1; i >= 0; i--)
        {
            pending.Push(addresses[i]);
        }

        while (pending.Count > 0)
        {
            InternetAddress address = pending.Pop();
            if (!string.IsNullOrWhiteSpace(address.Name))
            {
                names.Append(address.Name).Append('\n');
            }

            if (address is GroupAddress group)
            {
                for (int i = group.Members.Count - 1; i >= 0; i--)
                {
                    pending.Push(group.Members[i]);
                }
            }
        }

        return names.ToString();
    }
}
