using Microsoft.AspNetCore.Authentication;

namespace SecureMailGate.Service.Authentication;

/// <summary>Options of the Exchange identity token scheme.</summary>
public sealed class ExchangeTokenOptions : AuthenticationSchemeOptions
{
    /// <summary>What a valid token must say; set by the host before the first request.</summary>
    public TokenExpectations? Expectations { get; set; }
}
