using System.Collections.Generic;

namespace SecureMailGate.Cli.Reporting;

/// <summary>One recipient's decision as the report counts it: the domain only, never the address.</summary>
/// <param name="Domain">The recipient's domain in lower case, or null when the address has none.</param>
/// <param name="Tier">Tier wire name.</param>
/// <param name="Action">Action wire name.</param>
/// <param name="Reasons">Reason codes.</param>
internal sealed record RecipientRecord(string? Domain, string Tier, string Action, IReadOnlyList<string> Reasons);
