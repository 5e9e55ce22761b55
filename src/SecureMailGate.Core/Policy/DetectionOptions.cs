using System;
using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Policy;

/// <summary>Detection settings (POLICY §7 <c>detection</c>).</summary>
/// <param name="Threshold">Findings at or above this confidence make the message sensitive.</param>
/// <param name="WarnUnmarkedSensitive">Rule 9 gives <c>warn</c> instead of <c>allow</c>.</param>
/// <param name="Patterns">Admin-defined patterns.</param>
/// <param name="UnreadableAttachments">Whether an attachment that could not be read makes the message sensitive.</param>
public sealed record DetectionOptions(
    Confidence Threshold = Confidence.Medium,
    bool WarnUnmarkedSensitive = false,
    IReadOnlyList<DetectionPattern>? Patterns = null,
    UnreadableAttachments UnreadableAttachments = UnreadableAttachments.Sensitive)
{
    /// <summary>Admin-defined patterns, never null.</summary>
    public IReadOnlyList<DetectionPattern> Patterns { get; init; } = Patterns ?? Array.Empty<DetectionPattern>();
}
