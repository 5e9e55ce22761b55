using System;
using System.Collections.Generic;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// Decides the <see cref="RecipientTier"/> of an envelope recipient (POLICY §1): first match wins, in the
/// order internal, overrides, nhsmail, retired, gov-secure-legacy, secure-nhs-local, accredited,
/// prohibited-channel, nhs-insecure, external. Immutable and thread-safe; build one per policy.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Internal domains, overrides, <c>nhs.net</c>, legacy domains, prohibited channels and <c>nhs.uk</c>
/// cover their sub-domains; <c>secure-nhs-local</c> is strict sub-domains of <c>secure.nhs.uk</c>, so
/// <c>secure.nhs.uk</c> itself is <c>nhs-insecure</c>; accredited entries match exactly or as <c>*.suffix</c>
/// (sub-domains only).</item>
/// <item>When a name matches both override lists, the more specific entry wins; on a tie, insecure wins.</item>
/// <item>When a name matches several legacy entries, the most specific one decides; a domain listed twice
/// takes its earliest sunset date.</item>
/// <item>"Today" is the UTC date of the clock: a sunset takes effect at midnight UTC, up to an hour
/// away from UK midnight in summer.</item>
/// <item>Entries in <see cref="PolicyOptions"/> are normalised here; an entry that is not a valid domain is
/// ignored rather than thrown on, because configuration validation reports it with its line and one bad
/// entry must not stop mail.</item>
/// </list>
/// </remarks>
public sealed class TierClassifier
{
    private static readonly DomainSuffixSet NhsMail = DomainSuffixSet.FromDomainsWithSubdomains(new[] { "nhs.net" });
    private static readonly DomainSuffixSet SecureNhsLocal = DomainSuffixSet.FromPatterns(new[] { "*.secure.nhs.uk" });
    private static readonly DomainSuffixSet NhsUk = DomainSuffixSet.FromDomainsWithSubdomains(new[] { "nhs.uk" });

    private readonly TimeProvider clock;
    private readonly DomainSuffixSet internalDomains;
    private readonly DomainSuffixSet secureOverrides;
    private readonly DomainSuffixSet insecureOverrides;
    private readonly DomainSuffixSet legacy;
    private readonly Dictionary<string, DateTime?> legacyRetiredOn;
    private readonly DomainSuffixSet accredited;
    private readonly DomainSuffixSet prohibitedChannels;

    /// <summary>Builds the lookup sets from a policy.</summary>
    /// <param name="options">The policy whose domain lists apply.</param>
    /// <param name="clock">Source of today's date for legacy sunsets.</param>
    public TierClassifier(PolicyOptions options, TimeProvider clock)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        internalDomains = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.InternalDomains));
        secureOverrides = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.SecureOverrides));
        insecureOverrides = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.InsecureOverrides));
        accredited = DomainSuffixSet.FromPatterns(NormalizePatterns(options.AccreditedDomains));
        prohibitedChannels = DomainSuffixSet.FromDomainsWithSubdomains(NormalizeAll(options.ProhibitedChannels));

        legacyRetiredOn = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (LegacyDomain entry in options.LegacyDomains ?? Array.Empty<LegacyDomain>())
        {
            if (entry is null || !DomainNormalizer.TryNormalize(entry.Domain, out string domain))
            {
                continue;
            }

            DateTime? retiredOn = entry.RetiredOn?.Date;
            if (legacyRetiredOn.TryGetValue(domain, out DateTime? earlier) && !IsEarlier(retiredOn, earlier))
            {
                continue;
            }

            legacyRetiredOn[domain] = retiredOn;
        }

        legacy = DomainSuffixSet.FromDomainsWithSubdomains(legacyRetiredOn.Keys);
    }

    /// <summary>Classifies one envelope recipient address, or a bare domain. Never throws for a string.</summary>
    /// <param name="addressOrDomain">E.g. <c>someone@example.nhs.net</c>, <c>&lt;a@b.org&gt;</c>, <c>nhs.net</c>.</param>
    /// <returns>The tier and the normalised domain it was decided on.</returns>
    public TierClassification Classify(string addressOrDomain)
    {
        if (addressOrDomain is null)
        {
            throw new ArgumentNullException(nameof(addressOrDomain));
        }

        Span<char> buffer = stackalloc char[DomainNormalizer.MaxNameLength];
        ParsedDomainKind kind = DomainNormalizer.ParseDomain(addressOrDomain.AsSpan(), buffer, out int length, out _, out _);
        if (kind == ParsedDomainKind.Ascii)
        {
            // The common case: decided on the buffer, one string for the record (none for a canonical bare domain).
            ReadOnlySpan<char> ascii = buffer.Slice(0, length);
            string domainText = ascii.SequenceEqual(addressOrDomain.AsSpan()) ? addressOrDomain : ascii.ToString();
            return new TierClassification(addressOrDomain, domainText, ClassifyDomain(ascii));
        }

        if (!DomainNormalizer.TryGetDomain(addressOrDomain, out string? domain, out bool isAddressLiteral))
        {
            return new TierClassification(addressOrDomain, null, RecipientTier.Invalid);
        }

        RecipientTier tier = isAddressLiteral ? RecipientTier.External : ClassifyDomain(domain.AsSpan());
        return new TierClassification(addressOrDomain, domain, tier);
    }

    /// <summary>
    /// The tier alone, for callers that do not need the normalised domain. For a plain ASCII address it allocates
    /// nothing on .NET 10; Unicode names and address literals take the same path as <see cref="Classify"/>.
    /// </summary>
    /// <param name="addressOrDomain">E.g. <c>someone@example.nhs.net</c>, <c>&lt;a@b.org&gt;</c>, <c>nhs.net</c>.</param>
    /// <returns>The same tier as <see cref="Classify"/> would give.</returns>
    public RecipientTier ClassifyTier(string addressOrDomain)
    {
        if (addressOrDomain is null)
        {
            throw new ArgumentNullException(nameof(addressOrDomain));
        }

        Span<char> buffer = stackalloc char[DomainNormalizer.MaxNameLength];
        ParsedDomainKind kind = DomainNormalizer.ParseDomain(addressOrDomain.AsSpan(), buffer, out int length, out _, out _);
        return kind switch
        {
            ParsedDomainKind.Ascii => ClassifyDomain(buffer.Slice(0, length)),
            ParsedDomainKind.Invalid => RecipientTier.Invalid,
            _ => Classify(addressOrDomain).Tier,
        };
    }

    private static bool IsEarlier(DateTime? candidate, DateTime? current) =>
        candidate is not null && (current is null || candidate.Value < current.Value);

    private static IEnumerable<string> NormalizeAll(IEnumerable<string>? domains)
    {
        foreach (string domain in domains ?? Array.Empty<string>())
        {
            if (DomainNormalizer.TryNormalize(domain, out string ascii))
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
            if (DomainNormalizer.TryNormalize(isSuffix ? pattern!.Substring(2) : pattern, out string ascii))
            {
                yield return isSuffix ? "*." + ascii : ascii;
            }
        }
    }

    private RecipientTier ClassifyDomain(ReadOnlySpan<char> domain)
    {
        if (internalDomains.TryMatch(domain, out _))
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

        if (NhsMail.TryMatch(domain, out _))
        {
            return RecipientTier.NhsMail;
        }

        if (legacy.TryMatch(domain, out string? legacyEntry))
        {
            DateTime? retiredOn = legacyRetiredOn[legacyEntry];
            DateTime today = clock.GetUtcNow().UtcDateTime.Date;
            return retiredOn is not null && today >= retiredOn.Value ? RecipientTier.Retired : RecipientTier.GovSecureLegacy;
        }

        if (SecureNhsLocal.TryMatch(domain, out _))
        {
            return RecipientTier.SecureNhsLocal;
        }

        if (accredited.TryMatch(domain, out _))
        {
            return RecipientTier.Accredited;
        }

        if (prohibitedChannels.TryMatch(domain, out _))
        {
            return RecipientTier.ProhibitedChannel;
        }

        return NhsUk.TryMatch(domain, out _) ? RecipientTier.NhsInsecure : RecipientTier.External;
    }
}
