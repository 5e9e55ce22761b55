using System;
using System.Threading;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// What one message may still cost: bytes expanded, parts and archive entries, nesting depth and time.
/// Shared by everything that reads the message, so the limits hold for the message as a whole.
/// Not thread-safe: one inspection runs on one thread.
/// </summary>
public sealed class InspectionBudget
{
    private readonly TimeProvider _clock;
    private readonly long _deadlineTicks;
    private readonly CancellationToken _cancellation;
    private long _bytes;
    private int _entries;

    /// <summary>Starts a budget now.</summary>
    /// <param name="limits">The configured limits.</param>
    /// <param name="clock">Time source for the time budget.</param>
    /// <param name="cancellation">Cancels the inspection.</param>
    public InspectionBudget(InspectionLimits limits, TimeProvider clock, CancellationToken cancellation = default)
    {
        Limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _cancellation = cancellation;
        _deadlineTicks = limits.TimeBudget is { } budget
            ? clock.GetTimestamp() + (long)(budget.TotalSeconds * clock.TimestampFrequency)
            : long.MaxValue;
    }

    /// <summary>The limits in force.</summary>
    public InspectionLimits Limits { get; }

    /// <summary>Bytes (or characters) expanded so far.</summary>
    public long ExpandedBytes => _bytes;

    /// <summary>Charges decoded bytes.</summary>
    /// <param name="count">Bytes read.</param>
    /// <exception cref="InspectionLimitException">The total passed <see cref="InspectionLimits.MaxExpandedBytes"/>.</exception>
    public void ChargeBytes(long count)
    {
        _bytes += count;
        if (_bytes > Limits.MaxExpandedBytes)
        {
            throw new InspectionLimitException(FindingReasons.ExpandedBytes, $"More than {Limits.MaxExpandedBytes} bytes would have to be expanded.");
        }

        CheckTime();
    }

    /// <summary>Charges characters of text; one character counts as one byte.</summary>
    /// <param name="count">Characters read.</param>
    public void ChargeCharacters(long count) => ChargeBytes(count);

    /// <summary>Charges one MIME part or archive entry.</summary>
    /// <exception cref="InspectionLimitException">More than <see cref="InspectionLimits.MaxEntries"/>.</exception>
    public void ChargeEntry()
    {
        if (++_entries > Limits.MaxEntries)
        {
            throw new InspectionLimitException(FindingReasons.TooManyEntries, $"More than {Limits.MaxEntries} parts or archive entries.");
        }

        CheckTime();
    }

    /// <summary>Checks a nesting depth.</summary>
    /// <param name="depth">Depth of the item about to be opened (the message itself is 0).</param>
    /// <exception cref="InspectionLimitException">Deeper than <see cref="InspectionLimits.MaxDepth"/>.</exception>
    public void CheckDepth(int depth)
    {
        if (depth > Limits.MaxDepth)
        {
            throw new InspectionLimitException(FindingReasons.TooDeep, $"Nested more than {Limits.MaxDepth} levels deep.");
        }
    }

    /// <summary>Checks an archive entry's expansion ratio.</summary>
    /// <param name="compressed">Compressed size.</param>
    /// <param name="expanded">Expanded size (declared or read so far).</param>
    /// <exception cref="InspectionLimitException">Ratio above <see cref="InspectionLimits.MaxRatio"/>.</exception>
    public void CheckRatio(long compressed, long expanded)
    {
        if (expanded > 0 && expanded > Math.Max(compressed, 1) * (long)Limits.MaxRatio)
        {
            throw new InspectionLimitException(FindingReasons.ExpansionRatio, $"An archive entry expands more than {Limits.MaxRatio}:1.");
        }
    }

    /// <summary>Checks the time budget and cancellation.</summary>
    /// <exception cref="InspectionLimitException">The time budget is spent.</exception>
    /// <exception cref="OperationCanceledException">The inspection was cancelled.</exception>
    public void CheckTime()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_clock.GetTimestamp() > _deadlineTicks)
        {
            throw new InspectionLimitException(FindingReasons.TimeBudget, "The inspection took longer than its time budget.");
        }
    }
}
