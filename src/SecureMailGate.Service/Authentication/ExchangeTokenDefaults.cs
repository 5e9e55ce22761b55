namespace SecureMailGate.Service.Authentication;

/// <summary>Names shared by the authentication scheme, the rate limiter and the endpoint.</summary>
public static class ExchangeTokenDefaults
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "ExchangeIdentityToken";

    /// <summary>Claim holding the user's unique id (msexchuid joined to the metadata URL); the rate limiter's key.</summary>
    public const string UserIdClaim = "smg:user";
}
