using System;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>A monotonic clock that moves only when the test says so.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(TimeSpan by) => ticks += by.Ticks;
}
