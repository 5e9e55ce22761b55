using System.Collections.Generic;
using SecureMailGate.Core.Addressing;

namespace SecureMailGate.Core.Policy;

/// <summary>What happens to one envelope recipient, and why.</summary>
/// <param name="Address">The envelope address as given.</param>
/// <param name="Domain">Normalised ASCII domain; null when the address is invalid.</param>
/// <param name="Tier">The recipient's tier.</param>
/// <param name="Action">The strongest action of every rule that applied.</param>
/// <param name="Reasons">Reason codes (<see cref="ReasonCodes"/>), strongest rule first; never empty.</param>
public sealed record RecipientDecision(
    string Address,
    string? Domain,
    RecipientTier Tier,
    RecipientAction Action,
    IReadOnlyList<string> Reasons);
