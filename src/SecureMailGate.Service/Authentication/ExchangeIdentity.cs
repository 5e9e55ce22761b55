namespace SecureMailGate.Service.Authentication;

/// <summary>The user a valid Exchange identity token names.</summary>
/// <param name="ExchangeUserId">The token's <c>appctx.msexchuid</c>.</param>
/// <param name="UniqueId">The user's unique id as Microsoft advises: the Exchange id joined to the metadata URL.</param>
public sealed record ExchangeIdentity(string ExchangeUserId, string UniqueId);
