using System;

namespace SecureMailGate.Cli;

/// <summary>The clock for <c>--now</c>: always the given instant, so sunset dates can be checked for any day.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}
