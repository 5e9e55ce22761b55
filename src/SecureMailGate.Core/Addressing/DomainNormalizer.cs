using System;
#if NET
using System.Buffers;
#endif
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// Turns a domain, or the domain of an address, into the one canonical ASCII form that tier lists are
/// matched against (POLICY §1): lower case, one trailing dot stripped, Unicode labels as IDNA <c>xn--</c>
/// labels, LDH characters only, labels of 1–63 octets, at most 253 octets in all.
/// </summary>
/// <remarks>
/// An all-numeric top-level label (<c>a@192.0.2.1</c> without brackets) is rejected: RFC 3696 §2 rules
/// out numeric TLDs, and a bare IP where a domain belongs is a malformed address, not a host name.
/// IDNA follows the platform's <see cref="IdnMapping"/> (UTS #46 through ICU on .NET, Windows IDNA on
/// .NET Framework), so rare characters such as <c>ß</c> may map differently between the two runtimes.
/// </remarks>
public static class DomainNormalizer
{
    /// <summary>Longest name in octets, without the trailing dot (RFC 1035 §2.3.4 less the root).</summary>
    public const int MaxNameLength = 253;

    /// <summary>Longest label in octets (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    // No real address comes near this; it only stops a hostile input from costing IDNA time.
    private const int MaxInputLength = 1024;

    // RFC 5322 specials that may not appear unquoted in a local part.
    private const string LocalPartSpecials = "()<>[]:;@\\,\"";

#if NET
    // Every ASCII character IsForbiddenInLocalPart rejects: controls, space, DEL and the specials.
    private static readonly SearchValues<char> LocalPartForbiddenAscii = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\n\u000B\u000C\r\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + " \u007F" + LocalPartSpecials);

    // Lower-case LDH characters and the label separator: all a canonical name may hold.
    private static readonly SearchValues<char> LdhOrDot = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");
#endif

    // Instances are not documented as thread-safe, so each thread gets its own.
    [ThreadStatic]
    private static IdnMapping? idn;

    /// <summary>Normalises a domain name (no <c>@</c>, no brackets).</summary>
    /// <param name="domain">The name as given; surrounding whitespace is ignored.</param>
    /// <param name="ascii">The canonical ASCII form, or an empty string when the name is invalid.</param>
    /// <returns>True when <paramref name="domain"/> is a valid domain name.</returns>
    public static bool TryNormalize(string? domain, out string ascii)
    {
        ascii = string.Empty;
        if (domain is null)
        {
            return false;
        }

        string name = domain.Trim();
        if (name.Length == 0 || name.Length > MaxInputLength)
        {
            return false;
        }

        if (name[name.Length - 1] == '.')
        {
            name = name.Substring(0, name.Length - 1);
        }

        string candidate;
        if (IsPlainAscii(name))
        {
            // Fast path: pure ASCII needs no IDNA, only lower-casing and the LDH check below.
            candidate = name.ToLowerInvariant();
        }
        else
        {
            try
            {
                idn ??= new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false };
                candidate = idn.GetAscii(name.ToLowerInvariant()).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        if (!IsValidLdhName(candidate.AsSpan()))
        {
            return false;
        }

        ascii = candidate;
        return true;
    }

    /// <summary>
    /// Finds and normalises the domain of an address (<c>local@domain</c>, optionally in angle brackets) or
    /// of a bare domain. The address is split at its last <c>@</c>, so a quoted local part such as
    /// <c>"a@b"@example.org</c> works.
    /// </summary>
    /// <param name="addressOrDomain">An address or a domain; surrounding whitespace is ignored.</param>
    /// <param name="ascii">
    /// The canonical domain, or for an address literal the literal in brackets, lower-cased
    /// (<c>[192.0.2.1]</c>, <c>[ipv6:2001:db8::1]</c>); null when invalid.
    /// </param>
    /// <param name="isAddressLiteral">True when the domain is an IPv4 or IPv6 address literal.</param>
    /// <returns>False when the input cannot be parsed (tier <c>invalid</c>).</returns>
    public static bool TryGetDomain(
        string? addressOrDomain,
        [NotNullWhen(true)] out string? ascii,
        out bool isAddressLiteral)
    {
        ascii = null;
        isAddressLiteral = false;
        if (addressOrDomain is null)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxNameLength];
        ParsedDomainKind kind = ParseDomain(addressOrDomain.AsSpan(), buffer, out int length, out int partStart, out int partLength);
        switch (kind)
        {
            case ParsedDomainKind.Ascii:
                ReadOnlySpan<char> normalized = buffer.Slice(0, length);
                // A bare domain that is already canonical is returned as given, without a copy.
                ascii = normalized.SequenceEqual(addressOrDomain.AsSpan()) ? addressOrDomain : normalized.ToString();
                return true;
            case ParsedDomainKind.AddressLiteral:
                ascii = AddressLiteralText(addressOrDomain, partStart, partLength);
                isAddressLiteral = true;
                return true;
            case ParsedDomainKind.NeedsIdna:
                if (!TryNormalize(addressOrDomain.Substring(partStart, partLength), out string idna))
                {
                    return false;
                }

                ascii = idna;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The canonical text of an address literal that <see cref="ParseDomain"/> found: lower case, in brackets.</summary>
    /// <param name="input">The address as given.</param>
    /// <param name="partStart">Where the literal starts in <paramref name="input"/>.</param>
    /// <param name="partLength">The literal's length.</param>
    /// <returns>E.g. <c>[ipv6:2001:db8::1]</c>.</returns>
    internal static string AddressLiteralText(string input, int partStart, int partLength) =>
        input.Substring(partStart, partLength).ToLowerInvariant();

    /// <summary>
    /// The allocation-free core of <see cref="TryGetDomain"/>: parses an address or bare domain and, for a plain
    /// ASCII domain, writes its canonical form into <paramref name="buffer"/>.
    /// </summary>
    /// <param name="input">The address or domain as given.</param>
    /// <param name="buffer">At least <see cref="MaxNameLength"/> characters; receives the canonical domain.</param>
    /// <param name="length">Characters written to <paramref name="buffer"/> (only for <see cref="ParsedDomainKind.Ascii"/>).</param>
    /// <param name="partStart">Where the domain part starts in <paramref name="input"/>.</param>
    /// <param name="partLength">The domain part's length in <paramref name="input"/>.</param>
    /// <returns>What was found; Unicode names and <c>xn--</c> labels need IDNA, which only the string path does.</returns>
    internal static ParsedDomainKind ParseDomain(ReadOnlySpan<char> input, scoped Span<char> buffer, out int length, out int partStart, out int partLength)
    {
        length = 0;
        partStart = 0;
        partLength = 0;
        int start = 0;
        int end = input.Length;
        TrimWhitespace(input, ref start, ref end);
        if (end - start > 1 && input[start] == '<' && input[end - 1] == '>')
        {
            start++;
            end--;
            TrimWhitespace(input, ref start, ref end);
        }

        if (end == start || end - start > MaxInputLength)
        {
            return ParsedDomainKind.Invalid;
        }

        ReadOnlySpan<char> text = input.Slice(start, end - start);
        int at = text.LastIndexOf('@');
        if (at >= 0)
        {
            if (!IsValidLocalPart(text.Slice(0, at)))
            {
                return ParsedDomainKind.Invalid;
            }

            start += at + 1;
        }

        ReadOnlySpan<char> domainPart = input.Slice(start, end - start);
        partStart = start;
        partLength = domainPart.Length;

        if (domainPart.Length == 0)
        {
            return ParsedDomainKind.Invalid;
        }

        // The trim above only took whitespace off the ends of the whole input; "a@ nhs.net" is malformed. An ASCII
        // name with whitespace fails the LDH check below, so only the other paths look for it.
        if (domainPart[0] == '[')
        {
            return !ContainsWhitespace(domainPart) && IsAddressLiteral(domainPart.ToString()) ? ParsedDomainKind.AddressLiteral : ParsedDomainKind.Invalid;
        }

        if (domainPart[domainPart.Length - 1] == '.')
        {
            domainPart = domainPart.Slice(0, domainPart.Length - 1);
        }

        // ASCII fast path: lower-case into the buffer while checking for characters that need IDNA.
        if (domainPart.Length > buffer.Length)
        {
            return IsAllAscii(domainPart) ? ParsedDomainKind.Invalid : NeedsIdnaUnlessWhitespace(domainPart);
        }

#if NET
        if (System.Text.Ascii.ToLower(domainPart, buffer, out _) != OperationStatus.Done)
        {
            return NeedsIdnaUnlessWhitespace(domainPart);
        }
#else
        for (int i = 0; i < domainPart.Length; i++)
        {
            char c = domainPart[i];
            if (c >= 0x80)
            {
                return NeedsIdnaUnlessWhitespace(domainPart);
            }

            buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
#endif

        ReadOnlySpan<char> lowered = buffer.Slice(0, domainPart.Length);

        // IDNA must still check that an ACE label decodes to a valid Unicode label.
        if (lowered.IndexOf("xn--".AsSpan()) >= 0)
        {
            return NeedsIdnaUnlessWhitespace(domainPart);
        }

        if (!IsValidLdhName(lowered))
        {
            return ParsedDomainKind.Invalid;
        }

        length = lowered.Length;
        return ParsedDomainKind.Ascii;
    }

    private static ParsedDomainKind NeedsIdnaUnlessWhitespace(ReadOnlySpan<char> domainPart) =>
        ContainsWhitespace(domainPart) ? ParsedDomainKind.Invalid : ParsedDomainKind.NeedsIdna;

    private static void TrimWhitespace(ReadOnlySpan<char> s, ref int start, ref int end)
    {
        while (start < end && IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(s[end - 1]))
        {
            end--;
        }
    }

    // char.IsWhiteSpace with the ASCII answer first: tab to carriage return and space.
    private static bool IsWhiteSpace(char c) => c < 0x80 ? c == ' ' || c is >= '\t' and <= '\r' : char.IsWhiteSpace(c);

    // What may not appear unquoted in a local part: whitespace, controls and the RFC 5322 specials.
    private static bool IsForbiddenInLocalPart(char c) =>
        c < 0x80 ? c <= ' ' || c == 0x7F || LocalPartSpecials.IndexOf(c) >= 0 : char.IsWhiteSpace(c) || char.IsControl(c);

    private static bool IsAllAscii(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainAscii(string name)
    {
        foreach (char c in name)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        // IDNA must still check that an ACE label decodes to a valid Unicode label.
        return name.IndexOf("xn--", StringComparison.OrdinalIgnoreCase) < 0;
    }

    private static bool IsValidLdhName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return false;
        }

#if NET
        if (name.ContainsAnyExcept(LdhOrDot))
        {
            return false;
        }
#else
        foreach (char c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return false;
            }
        }
#endif

        ReadOnlySpan<char> rest = name;
        while (true)
        {
            int dot = rest.IndexOf('.');
            ReadOnlySpan<char> label = dot < 0 ? rest : rest.Slice(0, dot);
            if (label.Length == 0 || label.Length > MaxLabelLength || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            if (dot < 0)
            {
                // The last label is the TLD; see the remarks on the class.
                return !IsAllDigits(label, 0, label.Length);
            }

            rest = rest.Slice(dot + 1);
        }
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s, int start, int length)
    {
        for (int i = start; i < start + length; i++)
        {
            if (s[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsWhitespace(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    // RFC 5321 §4.1.2: a dot-string of atext, or a quoted string. Dots are not policed: the tier depends on
    // the domain only, and real systems emit "a..b" local parts that the MTA has already accepted.
    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length == 0)
        {
            return false;
        }

        if (local[0] == '"')
        {
            return IsValidQuotedString(local);
        }

#if NET
        // Vectorised: no ASCII forbidden character, then the slow check only for non-ASCII text.
        if (local.IndexOfAny(LocalPartForbiddenAscii) >= 0)
        {
            return false;
        }

        // (IndexOfAnyExceptInRange would say where, but allocates before the JIT optimises it.)
        if (System.Text.Ascii.IsValid(local))
        {
            return true;
        }
#endif
        foreach (char c in local)
        {
            if (IsForbiddenInLocalPart(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidQuotedString(ReadOnlySpan<char> local)
    {
        if (local.Length < 2 || local[local.Length - 1] != '"')
        {
            return false;
        }

        for (int i = 1; i < local.Length - 1; i++)
        {
            char c = local[i];
            if (c == '\\')
            {
                // A backslash escapes the next character, which must exist inside the quotes.
                i++;
                if (i >= local.Length - 1)
                {
                    return false;
                }
            }
            else if (c == '"' || (char.IsControl(c) && c != '\t'))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 5321 §4.1.3: [IPv4] or [IPv6:...]. General literals ("[tag:...]") are not routable on the
    // Internet and are rejected as invalid.
    private static bool IsAddressLiteral(string literal)
    {
        if (literal.Length < 3 || literal[literal.Length - 1] != ']')
        {
            return false;
        }

        string inner = literal.Substring(1, literal.Length - 2);
        const string v6Tag = "IPv6:";
        if (inner.StartsWith(v6Tag, StringComparison.OrdinalIgnoreCase))
        {
            string v6 = inner.Substring(v6Tag.Length);
            return v6.IndexOf('%') < 0
                && IPAddress.TryParse(v6, out IPAddress? address)
                && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return IsDottedQuad(inner);
    }

    // IPAddress.TryParse also takes "1" or "0x7f.1"; the RFC wants exactly four decimal octets.
    private static bool IsDottedQuad(string s)
    {
        string[] parts = s.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (string part in parts)
        {
            if (part.Length is 0 or > 3 || !IsAllDigits(part.AsSpan(), 0, part.Length)
                || int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }
}
