namespace SecureMailGate.Cli.Reporting;

/// <summary>A recipient domain that received sensitive mail.</summary>
/// <param name="Domain">The domain (never a full address).</param>
/// <param name="Tier">Its tier.</param>
/// <param name="Recipients">Recipients at the domain that were sent sensitive mail and not blocked.</param>
/// <param name="Encrypted">Of those, how many got it with the encryption token.</param>
internal sealed record DomainCount(string Domain, string Tier, int Recipients, int Encrypted);
