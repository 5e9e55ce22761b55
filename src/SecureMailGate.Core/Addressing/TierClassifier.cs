using System;
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
/// <item>Every list lives in one index (<see cref="DomainTierIndex"/>): a name costs one hash lookup per label
/// suffix, however many lists and entries the policy has; a plain ASCII address is classified without allocating.</item>
/// </list>
/// </remarks>
public sealed class TierClassifier
{
    private readonly TimeProvider clock;
    private readonly DomainTierIndex index;

    /// <summary>Builds the lookup index from a policy.</summary>
    /// <param name="options">The policy whose domain lists apply.</param>
    /// <param name="clock">Source of today's date for legacy sunsets.</param>
    public TierClassifier(PolicyOptions options, TimeProvider clock)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        index = DomainTierIndex.Build(options);
    }

    /// <summary>Classifies one envelope recipient address, or a bare domain. Never throws for a string.</summary>
    /// <param name="addressOrDomain">E.g. <c>someone@example.nhs.net</c>, <c>&lt;a@b.org&gt;</c>, <c>nhs.net</c>.</param>
    /// <returns>
    /// The tier and the normalised domain it was decided on. For a plain ASCII address nothing is allocated: the
    /// domain is the list entry, the input itself, or a range of the input turned into a string when read.
    /// </returns>
    public TierClassification Classify(string addressOrDomain)
    {
        if (addressOrDomain is null)
        {
            throw new ArgumentNullException(nameof(addressOrDomain));
        }

        Span<char> buffer = stackalloc char[DomainNormalizer.MaxNameLength];
        ParsedDomainKind kind = DomainNormalizer.ParseDomain(addressOrDomain.AsSpan(), buffer, out int length, out int partStart, out int partLength);
        switch (kind)
        {
            case ParsedDomainKind.Ascii:
                ReadOnlySpan<char> ascii = buffer.Slice(0, length);
                RecipientTier tier = index.Classify(ascii, clock, out string? listed);
                if (listed is not null)
                {
                    return new TierClassification(addressOrDomain, listed, tier);
                }

                // A bare domain that is already canonical is its own domain; otherwise keep the range, not a copy.
                return ascii.SequenceEqual(addressOrDomain.AsSpan())
                    ? new TierClassification(addressOrDomain, addressOrDomain, tier)
                    : new TierClassification(addressOrDomain, addressOrDomain, partStart, length, tier);
            case ParsedDomainKind.AddressLiteral:
                return new TierClassification(addressOrDomain, DomainNormalizer.AddressLiteralText(addressOrDomain, partStart, partLength), RecipientTier.External);
            case ParsedDomainKind.NeedsIdna:
                // IDNA runs once, on the domain part ParseDomain already found.
                if (!DomainNormalizer.TryNormalize(addressOrDomain.Substring(partStart, partLength), out string idna))
                {
                    return new TierClassification(addressOrDomain, null, RecipientTier.Invalid);
                }

                RecipientTier idnaTier = index.Classify(idna.AsSpan(), clock, out string? idnaListed);
                return new TierClassification(addressOrDomain, idnaListed ?? idna, idnaTier);
            default:
                return new TierClassification(addressOrDomain, null, RecipientTier.Invalid);
        }
    }

    /// <summary>
    /// The tier alone, for callers that do not need the normalised domain. Allocates nothing for a plain ASCII
    /// address on .NET 10; Unicode names and address literals take the same path as <see cref="Classify"/>.
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
            ParsedDomainKind.Ascii => index.Classify(buffer.Slice(0, length), clock, out _),
            ParsedDomainKind.Invalid => RecipientTier.Invalid,
            _ => Classify(addressOrDomain).Tier,
        };
    }
}
