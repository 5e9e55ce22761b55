using System;
using System.Collections.Generic;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// Every domain on any POLICY §1 list in one hash table, so that a name is classified by walking its label
/// suffixes once, with one lookup per suffix, whatever the number of lists or entries. Immutable and
/// thread-safe once built.
/// </summary>
/// <remarks>
/// Every parent of an entry is in the table too (on no list if it is not itself an entry), so the walk goes from
/// the top-level label down and stops at the first suffix the table does not hold: nothing under it can match.
/// A name on no list costs one or two lookups; a name under an entry costs one per label down to it.
/// </remarks>
internal sealed class DomainTierIndex
{
    private readonly Dictionary<string, DomainIndexEntry> entries;
#if NET9_0_OR_GREATER
    // Looks suffixes of the caller's span up without a string per suffix.
    private readonly Dictionary<string, DomainIndexEntry>.AlternateLookup<ReadOnlySpan<char>> bySpan;
#endif

    private DomainTierIndex(Dictionary<string, DomainIndexEntry> entries)
    {
        this.entries = entries;
#if NET9_0_OR_GREATER
        bySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>Number of distinct domains across all lists, with their parents.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// Builds the index from a policy. Entries are normalised here; one that is not a valid domain is skipped
    /// (configuration validation reports it; one bad entry must not stop mail).
    /// </summary>
    /// <param name="options">The policy.</param>
    /// <returns>The index.</returns>
    public static DomainTierIndex Build(PolicyOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var entries = new Dictionary<string, DomainIndexEntry>(StringComparer.Ordinal);
        AddWithSubdomains(entries, "nhs.net", DomainLists.NhsMail);
        Add(entries, "secure.nhs.uk", DomainLists.None, DomainLists.SecureNhsLocal);
        AddWithSubdomains(entries, "nhs.uk", DomainLists.NhsUk);
        AddAllWithSubdomains(entries, options.InternalDomains, DomainLists.Internal);
        AddAllWithSubdomains(entries, options.SecureOverrides, DomainLists.SecureOverride);
        AddAllWithSubdomains(entries, options.InsecureOverrides, DomainLists.InsecureOverride);
        AddAllWithSubdomains(entries, options.ProhibitedChannels, DomainLists.ProhibitedChannel);
        foreach (string pattern in options.AccreditedDomains ?? Array.Empty<string>())
        {
            bool isSuffix = pattern is not null && pattern.StartsWith("*.", StringComparison.Ordinal);
            if (DomainNormalizer.TryNormalize(isSuffix ? pattern!.Substring(2) : pattern, out string ascii))
            {
                Add(entries, ascii, isSuffix ? DomainLists.None : DomainLists.Accredited, isSuffix ? DomainLists.Accredited : DomainLists.None);
            }
        }

        foreach (LegacyDomain legacy in options.LegacyDomains ?? Array.Empty<LegacyDomain>())
        {
            if (legacy is not null && DomainNormalizer.TryNormalize(legacy.Domain, out string ascii))
            {
                AddLegacy(entries, ascii, legacy.RetiredOn?.Date);
            }
        }

        return new DomainTierIndex(entries);
    }

    /// <summary>The tier of a normalised ASCII domain (POLICY §1, first match wins).</summary>
    /// <param name="domain">A canonical domain (<see cref="DomainNormalizer"/>).</param>
    /// <param name="clock">Today's date for legacy sunsets; read only when a legacy entry matches.</param>
    /// <param name="wholeName">The index's own string for <paramref name="domain"/> when the whole name is in the index; else null.</param>
    /// <returns>The tier.</returns>
    public RecipientTier Classify(ReadOnlySpan<char> domain, TimeProvider clock, out string? wholeName)
    {
        wholeName = null;
        DomainLists found = DomainLists.None;
        int secureAt = -1;
        int insecureAt = -1;
        DateTime? legacyRetiredOn = null;
#if !NET9_0_OR_GREATER
        // .NET Framework has no span lookup: one copy of the name, one substring per parent.
        string name = domain.ToString();
#endif

        // From the top-level label down; a later hit on a list is more specific than an earlier one.
        int offset = domain.LastIndexOf('.') + 1;
        while (true)
        {
#if NET9_0_OR_GREATER
            if (!bySpan.TryGetValue(domain.Slice(offset), out string? key, out DomainIndexEntry entry))
#else
            string? key = offset == 0 ? name : name.Substring(offset);
            if (!entries.TryGetValue(key, out DomainIndexEntry entry))
#endif
            {
                break;
            }

            DomainLists lists = offset == 0 ? entry.Self : entry.Under;
            if ((lists & DomainLists.Internal) != 0)
            {
                // First in POLICY §1 order, whatever else matches.
                wholeName = offset == 0 ? key : null;
                return RecipientTier.Internal;
            }

            secureAt = (lists & DomainLists.SecureOverride) != 0 ? offset : secureAt;
            insecureAt = (lists & DomainLists.InsecureOverride) != 0 ? offset : insecureAt;
            legacyRetiredOn = (lists & DomainLists.Legacy) != 0 ? entry.LegacyRetiredOn : legacyRetiredOn;
            found |= lists;
            if (offset == 0)
            {
                wholeName = key;
                break;
            }

            offset = domain.Slice(0, offset - 1).LastIndexOf('.') + 1;
        }

        return Decide(found, secureAt, insecureAt, legacyRetiredOn, clock);
    }

    // POLICY §1 order, exactly as the nine-set classifier asked its sets.
    private static RecipientTier Decide(DomainLists found, int secureAt, int insecureAt, DateTime? legacyRetiredOn, TimeProvider clock)
    {
        if (found == DomainLists.None)
        {
            return RecipientTier.External;
        }

        // Overrides: the more specific (longer, so earlier in the name) entry wins; on a tie, insecure wins.
        if (insecureAt >= 0 && (secureAt < 0 || insecureAt <= secureAt))
        {
            return RecipientTier.External;
        }

        if (secureAt >= 0)
        {
            return RecipientTier.Accredited;
        }

        if ((found & DomainLists.NhsMail) != 0)
        {
            return RecipientTier.NhsMail;
        }

        if ((found & DomainLists.Legacy) != 0)
        {
            DateTime today = clock.GetUtcNow().UtcDateTime.Date;
            return legacyRetiredOn is not null && today >= legacyRetiredOn.Value ? RecipientTier.Retired : RecipientTier.GovSecureLegacy;
        }

        return (found & DomainLists.SecureNhsLocal) != 0 ? RecipientTier.SecureNhsLocal
            : (found & DomainLists.Accredited) != 0 ? RecipientTier.Accredited
            : (found & DomainLists.ProhibitedChannel) != 0 ? RecipientTier.ProhibitedChannel
            : (found & DomainLists.NhsUk) != 0 ? RecipientTier.NhsInsecure
            : RecipientTier.External;
    }

    private static void AddAllWithSubdomains(Dictionary<string, DomainIndexEntry> entries, IEnumerable<string>? domains, DomainLists list)
    {
        foreach (string domain in domains ?? Array.Empty<string>())
        {
            if (DomainNormalizer.TryNormalize(domain, out string ascii))
            {
                AddWithSubdomains(entries, ascii, list);
            }
        }
    }

    private static void AddWithSubdomains(Dictionary<string, DomainIndexEntry> entries, string domain, DomainLists list) =>
        Add(entries, domain, list, list);

    private static void Add(Dictionary<string, DomainIndexEntry> entries, string domain, DomainLists self, DomainLists under)
    {
        entries.TryGetValue(domain, out DomainIndexEntry entry);
        entries[domain] = entry.With(self, under);
        AddParents(entries, domain);
    }

    // The walk from the top-level label down stops at the first suffix not in the table, so every parent is there.
    private static void AddParents(Dictionary<string, DomainIndexEntry> entries, string domain)
    {
        for (int dot = domain.IndexOf('.'); dot >= 0; dot = domain.IndexOf('.', dot + 1))
        {
            string parent = domain.Substring(dot + 1);
            if (entries.ContainsKey(parent))
            {
                // Its own parents went in when it did.
                return;
            }

            entries.Add(parent, default);
        }
    }

    // A domain listed twice takes its earliest sunset; a listing without a date never replaces one with a date.
    private static void AddLegacy(Dictionary<string, DomainIndexEntry> entries, string domain, DateTime? retiredOn)
    {
        entries.TryGetValue(domain, out DomainIndexEntry entry);
        bool listed = (entry.Self & DomainLists.Legacy) != 0;
        DateTime? current = entry.LegacyRetiredOn;
        bool earlier = retiredOn is not null && (current is null || retiredOn.Value < current.Value);
        DomainIndexEntry added = entry.With(DomainLists.Legacy, DomainLists.Legacy);
        entries[domain] = !listed || earlier ? added with { LegacyRetiredOn = retiredOn } : added;
        AddParents(entries, domain);
    }
}
