using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Isolation;

/// <summary>A worker's answer for one message: what <see cref="InspectedMessage"/> holds, flattened for JSON.</summary>
/// <param name="MessageId">The Message-ID in angle brackets, or null.</param>
/// <param name="Findings">The findings (kind, location, confidence; never a detected value).</param>
/// <param name="AutoForwarded">Whether the message carries an automatic-forwarding marker.</param>
public sealed record WorkerReply(string? MessageId, IReadOnlyList<Finding> Findings, bool AutoForwarded)
{
    /// <summary>Flattens an inspection outcome.</summary>
    /// <param name="inspected">The outcome.</param>
    public static WorkerReply From(InspectedMessage inspected) =>
        new(inspected?.MessageId, inspected?.Result.Findings ?? new List<Finding>(), inspected?.Result.AutoForwarded ?? false);

    /// <summary>The inspection outcome this reply carries.</summary>
    public InspectedMessage ToInspected() => new(MessageId, new InspectionResult(Findings ?? new List<Finding>(), AutoForwarded));
}
