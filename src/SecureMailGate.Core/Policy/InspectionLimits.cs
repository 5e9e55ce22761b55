using System;

namespace SecureMailGate.Core.Policy;

/// <summary>Bounds on how much work one message may cost (POLICY §2, §7 <c>limits</c>).</summary>
/// <param name="MaxDepth">Nesting depth of attached messages and archives.</param>
/// <param name="MaxExpandedBytes">Total decoded bytes read from the message and everything inside it.</param>
/// <param name="MaxEntries">Archive entries and MIME parts, counted over the whole message.</param>
/// <param name="MaxRatio">Largest expansion ratio of an archive entry (uncompressed : compressed).</param>
/// <param name="TimeBudget">Wall time one inspection may take; null for no budget.</param>
public sealed record InspectionLimits(
    int MaxDepth = 5,
    long MaxExpandedBytes = 52_428_800,
    int MaxEntries = 10_000,
    int MaxRatio = 100,
    TimeSpan? TimeBudget = null)
{
    /// <summary>The POLICY defaults, with a 30-second time budget.</summary>
    public static InspectionLimits Default { get; } = new(TimeBudget: TimeSpan.FromSeconds(30));
}
