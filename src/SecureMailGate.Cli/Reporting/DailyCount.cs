using System;

namespace SecureMailGate.Cli.Reporting;

/// <summary>Messages decided on one day (UTC).</summary>
/// <param name="Date">The day.</param>
/// <param name="Messages">Messages that day.</param>
/// <param name="Sensitive">Sensitive messages that day.</param>
internal sealed record DailyCount(DateOnly Date, int Messages, int Sensitive);
