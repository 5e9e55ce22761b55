using System;

namespace SecureMailGate.Core.Tests.Support;

/// <summary>A clock that says what the test tells it to.</summary>
public sealed class FixedClock : TimeProvider
{
    private DateTimeOffset now;

    /// <summary>Starts at <paramref name="now"/>.</summary>
    public FixedClock(DateTimeOffset now) => this.now = now;

    /// <summary>A clock at midnight UTC on the given day.</summary>
    public static FixedClock At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves the clock.</summary>
    public void Set(DateTimeOffset value) => now = value;
}
