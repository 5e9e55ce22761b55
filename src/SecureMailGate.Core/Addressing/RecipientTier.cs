namespace SecureMailGate.Core.Addressing;

/// <summary>
/// The route class of an envelope recipient's domain (POLICY §1). Declared in match order;
/// the wire names (<see cref="RecipientTierNames"/>) are the interface administrators script against.
/// </summary>
public enum RecipientTier
{
    /// <summary>The organisation's own accepted domains (<c>internal</c>).</summary>
    Internal,

    /// <summary>NHSmail, <c>nhs.net</c> (<c>nhsmail</c>).</summary>
    NhsMail,

    /// <summary>A legacy secure domain past its sunset date (<c>retired</c>).</summary>
    Retired,

    /// <summary>Legacy government secure domains still in service (<c>gov-secure-legacy</c>).</summary>
    GovSecureLegacy,

    /// <summary>Sub-domains of <c>secure.nhs.uk</c> (<c>secure-nhs-local</c>).</summary>
    SecureNhsLocal,

    /// <summary>On the accredited (DCB1596) list or an admin secure override (<c>accredited</c>).</summary>
    Accredited,

    /// <summary>E-mail-to-fax and e-mail-to-SMS gateways (<c>prohibited-channel</c>).</summary>
    ProhibitedChannel,

    /// <summary>Any other <c>nhs.uk</c> name (<c>nhs-insecure</c>).</summary>
    NhsInsecure,

    /// <summary>Everything else (<c>external</c>).</summary>
    External,

    /// <summary>The address or domain cannot be parsed (<c>invalid</c>).</summary>
    Invalid,
}
