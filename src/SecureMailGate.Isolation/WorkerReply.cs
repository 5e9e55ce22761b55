using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Isolation;

/// <summary>A worker's answer for one message: what <see cref="InspectedMessage"/> holds, flattened for JSON.</summary>
/// <param name="MessageId">The Message-ID in angle brackets, or null.</param>
/// <param name="Findings">The findings (kind, location, confidence; never a detected value).</param>
/// <param name="AutoForwarded">Whether the message carries an automatic-forwarding marker.</param>
/// <param name="Retiring">Whether the worker ends after this reply (it ran out of memory), so the pool must not reuse it.</param>
public sealed record WorkerReply(string? MessageId, IReadOnlyList<Finding> Findings, bool AutoForwarded, bool Retiring = false)
{
    /// <summary>Flattens an inspection outcome.</summary>
    /// <param name="inspected">The outcome.</param>
    /// <param name="retiring">Whether the worker ends after this reply.</param>
    public static WorkerReply From(InspectedMessage inspected, bool retiring = false) =>
        new(inspected?.MessageId, inspected?.Result.Findings ?? new List<Finding>(), inspected?.Result.AutoForwarded ?? false, retiring);

    /// <summary>The inspection outcome this reply carries.</summary>
    public InspectedMessage ToInspected() => new(MessageId, new InspectionResult(Findings ?? new List<Finding>(), AutoForwarded));
}
