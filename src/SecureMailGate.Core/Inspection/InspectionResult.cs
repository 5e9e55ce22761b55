using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection;

/// <summary>What inspecting one message found.</summary>
/// <param name="Findings">One finding per kind and location, at the highest confidence seen, in the order first found.</param>
/// <param name="AutoForwarded">Whether the message carries an automatic-forwarding marker.</param>
public sealed record InspectionResult(IReadOnlyList<Finding> Findings, bool AutoForwarded);
