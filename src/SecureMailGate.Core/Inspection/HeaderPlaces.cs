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
        // One pass over the headers: which address headers may hold names, and the text headers' values.
        bool[] named = new bool[AddressHeaders.Length];
        StringBuilder?[] texts = new StringBuilder?[TextHeaders.Length];
        foreach (Header header in message.Headers)
        {
            int address = System.Array.IndexOf(AddressHeaders, header.Id);
            if (address >= 0)
            {
                named[address] |= !IsBareAddressList(header.Value);
                continue;
            }

            int text = TextHeaderIndex(header);
            if (text >= 0)
            {
                (texts[text] ??= new StringBuilder()).Append(header.Value).Append('\n');
            }
        }

        for (int i = 0; i < AddressHeaders.Length; i++)
        {
            // A header of bare addresses has no name to read, and MimeKit need not parse its list.
            string names = named[i] ? DisplayNames(AddressesOf(message, AddressHeaders[i])) : string.Empty;
            if (names.Length > 0)
            {
                yield return ("header:" + AddressHeaders[i].ToHeaderName(), names);
            }
        }

        for (int i = 0; i < TextHeaders.Length; i++)
        {
            if (texts[i] is { } text)
            {
                yield return ("header:" + TextHeaders[i], text.ToString());
            }
        }
    }

    private static int TextHeaderIndex(Header header) => header.Id switch
    {
        HeaderId.Keywords => 1,
        HeaderId.Comments => 2,
        HeaderId.Unknown when string.Equals(header.Field, TextHeaders[0], System.StringComparison.OrdinalIgnoreCase) => 0,
        _ => -1,
    };

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
