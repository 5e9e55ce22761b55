using System;
using System.Collections.Generic;
using SecureMailGate.Core.Notices;

namespace SecureMailGate.Core.Policy;

/// <summary>
/// The whole policy, immutable. <see cref="Default"/> is the built-in policy of POLICY.md; a configuration
/// file (see <c>Configuration.PolicyConfigurationLoader</c>) produces one of these or nothing.
/// Domain lists hold normalised ASCII names; accredited entries may be <c>*.suffix</c>.
/// </summary>
public sealed record PolicyOptions
{
    // Declared before Default: static initialisers run in text order, and Default reads this list.
    /// <summary>
    /// The files this policy was read from (the configuration file and the accredited list it names), so hosts
    /// can reload when any of them changes; empty for a policy built in code.
    /// </summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = Array.Empty<string>();

    /// <summary>POLICY §1 rows 4 and 5: the legacy government domains and their sunset dates.</summary>
    public static IReadOnlyList<LegacyDomain> DefaultLegacyDomains { get; } = new[]
    {
        new LegacyDomain("gsi.gov.uk", new DateTime(2019, 3, 31)),
        new LegacyDomain("gsx.gov.uk", new DateTime(2019, 3, 31)),
        new LegacyDomain("gcsx.gov.uk", new DateTime(2019, 3, 31)),
        new LegacyDomain("gse.gov.uk", new DateTime(2019, 3, 31)),
        new LegacyDomain("scn.gov.uk", new DateTime(2019, 3, 31)),
        new LegacyDomain("cjsm.net", null),
        new LegacyDomain("pnn.police.uk", null),
        new LegacyDomain("mod.uk", null),
    };

    /// <summary>The built-in defaults (POLICY §1–§7).</summary>
    public static PolicyOptions Default { get; } = new();

    /// <summary><c>enforce</c> or <c>monitor</c>.</summary>
    public PolicyMode Mode { get; init; } = PolicyMode.Enforce;

    /// <summary>The organisation's own domains (tier <c>internal</c>), sub-domains included.</summary>
    public IReadOnlyList<string> InternalDomains { get; init; } = Array.Empty<string>();

    /// <summary>Accredited list entries: exact domains, or <c>*.suffix</c> for every sub-domain of suffix.</summary>
    public IReadOnlyList<string> AccreditedDomains { get; init; } = Array.Empty<string>();

    /// <summary>Admin overrides mapped to <c>accredited</c>.</summary>
    public IReadOnlyList<string> SecureOverrides { get; init; } = Array.Empty<string>();

    /// <summary>Admin overrides mapped to <c>external</c>.</summary>
    public IReadOnlyList<string> InsecureOverrides { get; init; } = Array.Empty<string>();

    /// <summary>E-mail-to-fax and e-mail-to-SMS gateways.</summary>
    public IReadOnlyList<string> ProhibitedChannels { get; init; } = new[] { "efaxsend.com", "rcfax.com" };

    /// <summary>Legacy secure domains with their sunset dates; replaces the built-in list when configured.</summary>
    public IReadOnlyList<LegacyDomain> LegacyDomains { get; init; } = DefaultLegacyDomains;

    /// <summary>The encryption path.</summary>
    public EncryptionOptions Encryption { get; init; } = new();

    /// <summary>Detection settings.</summary>
    public DetectionOptions Detection { get; init; } = new();

    /// <summary>Inspection limits.</summary>
    public InspectionLimits Limits { get; init; } = InspectionLimits.Default;

    /// <summary>Where inspection runs: worker processes (the default) or the host process.</summary>
    public IsolationOptions Isolation { get; init; } = IsolationOptions.Default;

    /// <summary>Exempt senders and recipients.</summary>
    public Exemptions Exemptions { get; init; } = new();

    /// <summary>How notices and non-delivery reports are worded (templates, organisation, service desk, help link).</summary>
    public NoticeSettings Notices { get; init; } = NoticeSettings.Default;

    /// <summary>What hosts do when deciding fails.</summary>
    public FailureMode FailureMode { get; init; } = FailureMode.Defer;

    /// <summary>
    /// Identifies this policy in the audit trail: the configuration file's hash, or <c>built-in</c>.
    /// </summary>
    public string Version { get; init; } = "built-in";
}
