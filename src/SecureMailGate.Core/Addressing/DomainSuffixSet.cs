using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// An immutable set of domains that answers "is this name on the list?" by whole labels, in time
/// proportional to the number of labels of the name, however long the list: each label-boundary suffix
/// of the name is one hash lookup. Build it once per policy and share it between threads.
/// </summary>
/// <remarks>
/// Two kinds of entry: an exact entry matches that name only; a sub-domain entry matches names strictly
/// under it (<c>a.secure.nhs.uk</c> is under <c>secure.nhs.uk</c>; <c>notsecure.nhs.uk</c> and
/// <c>secure.nhs.uk.example.com</c> are not). Entries and queries must be normalised
/// (<see cref="DomainNormalizer"/>); the set compares ordinally. <see cref="TierClassifier"/> no longer asks one
/// set per list: it keeps every list in a single index; this type stays for callers that need one list.
/// </remarks>
public sealed class DomainSuffixSet
{
    private readonly HashSet<string> exact;
    private readonly HashSet<string> parents;
#if NET9_0_OR_GREATER
    // Lets the suffix walk look up spans of the query instead of allocating a substring per label.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> parentsBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> exactBySpan;
#endif

    private DomainSuffixSet(HashSet<string> exact, HashSet<string> parents)
    {
        this.exact = exact;
        this.parents = parents;
#if NET9_0_OR_GREATER
        parentsBySpan = parents.GetAlternateLookup<ReadOnlySpan<char>>();
        exactBySpan = exact.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>A set that matches nothing.</summary>
    public static DomainSuffixSet Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Number of distinct exact plus sub-domain entries.</summary>
    public int Count => exact.Count + parents.Count;

    /// <summary>
    /// Accredited-list semantics: <c>example.org</c> matches that name only; <c>*.example.org</c> matches
    /// strict sub-domains of example.org and not example.org itself (list both to cover both).
    /// </summary>
    /// <param name="patterns">Normalised entries, each a domain or <c>*.</c> followed by a domain.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">An entry is not a normalised domain or <c>*.domain</c>.</exception>
    public static DomainSuffixSet FromPatterns(IEnumerable<string> patterns)
    {
        if (patterns is null)
        {
            throw new ArgumentNullException(nameof(patterns));
        }

        var exact = new HashSet<string>(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (string pattern in patterns)
        {
            bool isSuffix = pattern is not null && pattern.StartsWith("*.", StringComparison.Ordinal);
            string domain = RequireNormalized(isSuffix ? pattern!.Substring(2) : pattern, nameof(patterns));
            (isSuffix ? parents : exact).Add(domain);
        }

        return new DomainSuffixSet(exact, parents);
    }

    /// <summary>
    /// Each entry matches the domain itself and every sub-domain of it (internal domains, overrides,
    /// legacy domains, prohibited channels: POLICY §1 "and their sub-domains").
    /// </summary>
    /// <param name="domains">Normalised domains.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">An entry is not a normalised domain.</exception>
    public static DomainSuffixSet FromDomainsWithSubdomains(IEnumerable<string> domains)
    {
        if (domains is null)
        {
            throw new ArgumentNullException(nameof(domains));
        }

        var exact = new HashSet<string>(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (string entry in domains)
        {
            string domain = RequireNormalized(entry, nameof(domains));
            exact.Add(domain);
            parents.Add(domain);
        }

        return new DomainSuffixSet(exact, parents);
    }

    /// <summary>True when <paramref name="domain"/> matches an entry.</summary>
    /// <param name="domain">A normalised domain.</param>
    /// <returns>Whether it is on the list.</returns>
    public bool Contains(string domain) => TryMatch(domain, out _);

    /// <summary>
    /// Finds the most specific entry that <paramref name="domain"/> matches: the name itself first, then its
    /// parents from the longest to the shortest.
    /// </summary>
    /// <param name="domain">A normalised domain.</param>
    /// <param name="matchedDomain">The matching entry's domain (without <c>*.</c>); null when none matches.</param>
    /// <returns>Whether it is on the list.</returns>
    public bool TryMatch(string domain, [NotNullWhen(true)] out string? matchedDomain)
    {
        if (domain is null)
        {
            throw new ArgumentNullException(nameof(domain));
        }

        return TryMatch(domain.AsSpan(), out matchedDomain);
    }

    /// <summary>
    /// <see cref="TryMatch(string, out string?)"/> for a name held in a span, such as a buffer the address was
    /// normalised into. On .NET 10 it allocates nothing; on .NET Framework it copies the name once.
    /// </summary>
    /// <param name="domain">A normalised domain.</param>
    /// <param name="matchedDomain">The matching entry's domain (without <c>*.</c>); null when none matches.</param>
    /// <returns>Whether it is on the list.</returns>
    public bool TryMatch(ReadOnlySpan<char> domain, [NotNullWhen(true)] out string? matchedDomain)
    {
#if NET9_0_OR_GREATER
        if (exactBySpan.TryGetValue(domain, out matchedDomain))
        {
            return true;
        }

        if (parents.Count == 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = domain;
        int dot;
        while ((dot = rest.IndexOf('.')) >= 0)
        {
            rest = rest.Slice(dot + 1);
            if (parentsBySpan.TryGetValue(rest, out matchedDomain))
            {
                return true;
            }
        }
#else
        string name = domain.ToString();
        if (exact.TryGetValue(name, out matchedDomain))
        {
            return true;
        }

        if (parents.Count == 0)
        {
            return false;
        }

        int dot = name.IndexOf('.');
        while (dot >= 0)
        {
            if (parents.TryGetValue(name.Substring(dot + 1), out matchedDomain))
            {
                return true;
            }

            dot = name.IndexOf('.', dot + 1);
        }
#endif

        matchedDomain = null;
        return false;
    }

    private static string RequireNormalized(string? domain, string paramName)
    {
        if (!DomainNormalizer.TryNormalize(domain, out string ascii) || !string.Equals(ascii, domain, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{domain}' is not a normalised domain name.", paramName);
        }

        return ascii;
    }
}
