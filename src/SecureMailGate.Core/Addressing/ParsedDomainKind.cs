namespace SecureMailGate.Core.Addressing;

/// <summary>What <see cref="DomainNormalizer.ParseDomain"/> found in an address or domain.</summary>
internal enum ParsedDomainKind
{
    /// <summary>Not a valid address or domain (tier <c>invalid</c>).</summary>
    Invalid,

    /// <summary>A plain ASCII domain, now canonical in the caller's buffer.</summary>
    Ascii,

    /// <summary>An IPv4 or IPv6 address literal in brackets.</summary>
    AddressLiteral,

    /// <summary>A Unicode name or an <c>xn--</c> label: only the IDNA path can decide.</summary>
    NeedsIdna,
}
