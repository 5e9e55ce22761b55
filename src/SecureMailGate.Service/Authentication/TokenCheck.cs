using System;

namespace SecureMailGate.Service.Authentication;

/// <summary>The outcome of checking one token: the identity, or why it was refused (a short kebab-case code).</summary>
public sealed record TokenCheck
{
    private TokenCheck(ExchangeIdentity? identity, string? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    /// <summary>The user, when the token is valid.</summary>
    public ExchangeIdentity? Identity { get; }

    /// <summary>Why the token was refused (e.g. <c>expired</c>, <c>wrong-audience</c>); null when valid. Never holds token content.</summary>
    public string? Failure { get; }

    /// <summary>A valid token.</summary>
    /// <param name="identity">The user it names.</param>
    public static TokenCheck Valid(ExchangeIdentity identity) => new(identity ?? throw new ArgumentNullException(nameof(identity)), null);

    /// <summary>A refused token.</summary>
    /// <param name="reason">Kebab-case reason code.</param>
    public static TokenCheck Refused(string reason) => new(null, reason ?? throw new ArgumentNullException(nameof(reason)));
}
