using System;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// The tier of one recipient and the domain it was decided on. A value type, so that classifying a plain ASCII
/// address allocates nothing: when the domain is neither a list entry nor the input itself, it is kept as a
/// position in the input and only turned into a string when <see cref="Domain"/> is read.
/// </summary>
/// <remarks>
/// Equality compares <see cref="Input"/>, <see cref="Domain"/> and <see cref="Tier"/>, however the domain is held.
/// <c>default(TierClassification)</c> has a null <see cref="Input"/>; the classifier never returns it.
/// </remarks>
public readonly record struct TierClassification
{
    // Exactly one of these describes the domain: a string already held, or a range of an ASCII source string
    // that is lower-cased when read. Both empty means no domain (invalid input).
    private readonly string? domain;
    private readonly string? source;
    private readonly int start;
    private readonly int length;

    /// <summary>A classification with its domain as a string.</summary>
    /// <param name="input">The address or domain as given.</param>
    /// <param name="domain">
    /// The normalised ASCII domain; for an address literal the literal in brackets (<c>[192.0.2.1]</c>);
    /// null when <paramref name="tier"/> is <see cref="RecipientTier.Invalid"/>.
    /// </param>
    /// <param name="tier">The tier (POLICY §1).</param>
    public TierClassification(string input, string? domain, RecipientTier tier)
    {
        Input = input;
        this.domain = domain;
        Tier = tier;
        source = null;
        start = 0;
        length = 0;
    }

    /// <summary>A classification whose domain is <paramref name="length"/> ASCII characters of <paramref name="source"/>, lower-cased when read.</summary>
    /// <param name="input">The address or domain as given.</param>
    /// <param name="source">The string holding the domain (the input as the classifier received it).</param>
    /// <param name="start">Where the domain starts in <paramref name="source"/>.</param>
    /// <param name="length">The canonical domain's length (a trailing dot excluded).</param>
    /// <param name="tier">The tier.</param>
    internal TierClassification(string input, string source, int start, int length, RecipientTier tier)
    {
        Input = input;
        domain = null;
        this.source = source;
        this.start = start;
        this.length = length;
        Tier = tier;
    }

    /// <summary>The address or domain as given.</summary>
    public string Input { get; init; }

    /// <summary>
    /// The normalised ASCII domain; for an address literal the literal in brackets (<c>[192.0.2.1]</c>);
    /// null when <see cref="Tier"/> is <see cref="RecipientTier.Invalid"/>. May build a new string on each
    /// read: read it once and keep it.
    /// </summary>
    public string? Domain => domain ?? (source is null ? null : LowerAscii(source, start, length));

    /// <summary>The tier (POLICY §1).</summary>
    public RecipientTier Tier { get; init; }

    /// <summary>Splits the classification into its parts.</summary>
    /// <param name="input">The address or domain as given.</param>
    /// <param name="domain">The normalised domain, or null.</param>
    /// <param name="tier">The tier.</param>
    public void Deconstruct(out string input, out string? domain, out RecipientTier tier)
    {
        input = Input;
        domain = Domain;
        tier = Tier;
    }

    /// <summary>Equal when input, domain and tier are equal (ordinal), however the domain is held.</summary>
    /// <param name="other">The other classification.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(TierClassification other) =>
        Tier == other.Tier
        && string.Equals(Input, other.Input, StringComparison.Ordinal)
        && string.Equals(Domain, other.Domain, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        string? text = Domain;
        return unchecked(((((int)Tier * 397) ^ (Input is null ? 0 : StringComparer.Ordinal.GetHashCode(Input))) * 397)
            ^ (text is null ? 0 : StringComparer.Ordinal.GetHashCode(text)));
    }

    // The source range is ASCII LDH text that ParseDomain accepted; only A-Z need changing.
    private static string LowerAscii(string source, int start, int length)
    {
        ReadOnlySpan<char> range = source.AsSpan(start, length);
        int upper = 0;
        while (upper < range.Length && range[upper] is not (>= 'A' and <= 'Z'))
        {
            upper++;
        }

        if (upper == range.Length)
        {
            return source.Substring(start, length);
        }

        char[] chars = range.ToArray();
        for (int i = upper; i < chars.Length; i++)
        {
            chars[i] = chars[i] is >= 'A' and <= 'Z' ? (char)(chars[i] | 0x20) : chars[i];
        }

        return new string(chars);
    }
}
