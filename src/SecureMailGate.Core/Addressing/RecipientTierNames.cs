using System;

namespace SecureMailGate.Core.Addressing;

/// <summary>Wire names of <see cref="RecipientTier"/> and whether a tier is a secure route.</summary>
public static class RecipientTierNames
{
    /// <summary>The name used in JSON, the CLI and the audit trail, e.g. <c>gov-secure-legacy</c>.</summary>
    public static string ToWireName(this RecipientTier tier) => tier switch
    {
        RecipientTier.Internal => "internal",
        RecipientTier.NhsMail => "nhsmail",
        RecipientTier.Retired => "retired",
        RecipientTier.GovSecureLegacy => "gov-secure-legacy",
        RecipientTier.SecureNhsLocal => "secure-nhs-local",
        RecipientTier.Accredited => "accredited",
        RecipientTier.ProhibitedChannel => "prohibited-channel",
        RecipientTier.NhsInsecure => "nhs-insecure",
        RecipientTier.External => "external",
        RecipientTier.Invalid => "invalid",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>True for tiers that are a secure route for sensitive data (POLICY §1, last column).</summary>
    public static bool IsSecureRoute(this RecipientTier tier) => tier switch
    {
        RecipientTier.Internal or RecipientTier.NhsMail or RecipientTier.GovSecureLegacy
            or RecipientTier.SecureNhsLocal or RecipientTier.Accredited => true,
        _ => false,
    };
}
