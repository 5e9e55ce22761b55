using System;

namespace SecureMailGate.Core.Addressing;

/// <summary>The POLICY §1 lists a domain can be on, as bits of one <see cref="DomainIndexEntry"/>.</summary>
[Flags]
internal enum DomainLists : ushort
{
    /// <summary>On no list.</summary>
    None = 0,

    /// <summary>The organisation's internal domains.</summary>
    Internal = 1 << 0,

    /// <summary>Administrator secure overrides.</summary>
    SecureOverride = 1 << 1,

    /// <summary>Administrator insecure overrides.</summary>
    InsecureOverride = 1 << 2,

    /// <summary><c>nhs.net</c>.</summary>
    NhsMail = 1 << 3,

    /// <summary>Legacy government secure domains (with a sunset date).</summary>
    Legacy = 1 << 4,

    /// <summary>Strict sub-domains of <c>secure.nhs.uk</c>.</summary>
    SecureNhsLocal = 1 << 5,

    /// <summary>The accredited (DCB1596) list.</summary>
    Accredited = 1 << 6,

    /// <summary>E-mail-to-fax and e-mail-to-SMS gateways.</summary>
    ProhibitedChannel = 1 << 7,

    /// <summary><c>nhs.uk</c>.</summary>
    NhsUk = 1 << 8,
}
