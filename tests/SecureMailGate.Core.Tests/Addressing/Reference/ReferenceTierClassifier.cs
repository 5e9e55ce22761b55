using System;
using System.Collections.Generic;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Addressing.Reference;

/// <summary>
/// The test oracle for <see cref="TierClassifier"/>: the nine-set logic it replaced (issue 12), one
/// <see cref="DomainSuffixSet"/> per list asked in POLICY §1 order, on a domain from the frozen
/// <see cref="ReferenceDomainNormalizer"/>. Written for clarity, not speed.
/// </summary>
internal sealed class ReferenceTierClassifier
{
    private static readonly DomainSuffixSet NhsMail = DomainSuffixSet.FromDomainsWithSubdomains(new[] { "nhs.net" });
    private static readonly DomainSuffixSet SecureNhsLocal = DomainSuffixSet.FromPatterns(new[] { "*.secure.nhs.uk" });
    private static readonly DomainSuffixSet NhsUk = DomainSuffixSet.FromDomainsWithSubdomains(new[] { "nhs.uk" });

    private readonly TimeProvider clock;
    private readonly DomainSuffixSet internalDomains;
    private readonly DomainSuffixSet secureOverrides;
    private readonly DomainSuffixSet insecureOverrides;
    private readonly DomainSuffixSet legacy;
    private readonly Dictionary<string, DateTime?> legacyRetiredOn = new(StringComparer.Ordinal);
    private readonly DomainSuffixSet accredited;
    private readonly DomainSuffixSet prohibitedChannels;

    public ReferenceTierClassifier(PolicyOptions options, TimeProvider clock)
    {
        this.clock = clock;
        internalDomains = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.InternalDomains));
        secureOverrides = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.SecureOverrides));
        insecureOverrides = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.InsecureOverrides));
        accredited = DomainSuffixSet.FromPatterns(NormalizePatterns(options.AccreditedDomains));
        prohibitedChannels = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.ProhibitedChannels));
        foreach (LegacyDomain entry in options.LegacyDomains ?? Array.Empty<LegacyDomain>())
        {
            if (entry is null || !ReferenceDomainNormalizer.TryNormalize(entry.Domain, out string domain))
            {
                continue;
            }

            DateTime? retiredOn = entry.RetiredOn?.Date;
            if (!legacyRetiredOn.TryGetValue(domain, out DateTime? earlier)
                || (retiredOn is not null && (earlier is null || retiredOn.Value < earlier.Value)))
            {
                legacyRetiredOn[domain] = retiredOn;
            }
        }

        legacy = DomainSuffixSet.FromDomainsWithSubdomains(legacyRetiredOn.Keys);
    }

    public (string? Domain, RecipientTier Tier) Classify(string addressOrDomain)
    {
        if (!ReferenceDomainNormalizer.TryGetDomain(addressOrDomain, out string? domain, out bool isAddressLiteral))
        {
            return (null, RecipientTier.Invalid);
        }

        return (domain, isAddressLiteral ? RecipientTier.External : ClassifyDomain(domain));
    }

    private static IEnumerable<string> NormalizeAll(IEnumerable<string>? domains)
    {
        foreach (string domain in domains ?? Array.Empty<string>())
        {
            if (ReferenceDomainNormalizer.TryNormalize(domain, out string ascii))
            {
                yield return ascii;
            }
        }
    }

    private static IEnumerable<string> NormalizePatterns(IEnumerable<string>? patterns)
    {
        foreach (string pattern in patterns ?? Array.Empty<string>())
        {
            bool isSuffix = pattern is not null && pattern.StartsWith("*.", StringComparison.Ordinal);
            if (ReferenceDomainNormalizer.TryNormalize(isSuffix ? pattern!.Substring(2) : pattern, out string ascii))
            {
                yield return isSuffix ? "*." + ascii : ascii;
            }
        }
    }

    private RecipientTier ClassifyDomain(string domain)
    {
        if (internalDomains.Contains(domain))
        {
            return RecipientTier.Internal;
        }

        bool secure = secureOverrides.TryMatch(domain, out string? secureEntry);
        bool insecure = insecureOverrides.TryMatch(domain, out string? insecureEntry);
        if (insecure && (!secure || insecureEntry!.Length >= secureEntry!.Length))
        {
            return RecipientTier.External;
        }

        if (secure)
        {
            return RecipientTier.Accredited;
        }

        if (NhsMail.Contains(domain))
        {
            return RecipientTier.NhsMail;
        }

        if (legacy.TryMatch(domain, out string? legacyEntry))
        {
            DateTime? retiredOn = legacyRetiredOn[legacyEntry];
            DateTime today = clock.GetUtcNow().UtcDateTime.Date;
            return retiredOn is not null && today >= retiredOn.Value ? RecipientTier.Retired : RecipientTier.GovSecureLegacy;
        }

        if (SecureNhsLocal.Contains(domain))
        {
            return RecipientTier.SecureNhsLocal;
        }

        if (accredited.Contains(domain))
        {
            return RecipientTier.Accredited;
        }

        if (prohibitedChannels.Contains(domain))
        {
            return RecipientTier.ProhibitedChannel;
        }

        return NhsUk.Contains(domain) ? RecipientTier.NhsInsecure : RecipientTier.External;
    }
}
