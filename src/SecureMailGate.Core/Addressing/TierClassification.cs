namespace SecureMailGate.Core.Addressing;

/// <summary>The tier of one recipient and the domain it was decided on.</summary>
/// <param name="Input">The address or domain as given.</param>
/// <param name="Domain">
/// The normalised ASCII domain; for an address literal the literal in brackets (<c>[192.0.2.1]</c>);
/// null when <paramref name="Tier"/> is <see cref="RecipientTier.Invalid"/>.
/// </param>
/// <param name="Tier">The tier (POLICY §1).</param>
public sealed record TierClassification(string Input, string? Domain, RecipientTier Tier);
