using System.Collections.Generic;

namespace SecureMailGate.Cli.Reporting;

/// <summary>What was read to build a report, and what was left out and why.</summary>
/// <param name="Lines">Audit lines read (0 for a replay).</param>
/// <param name="OtherEvents">Audit lines that are not message decisions (e.g. a configuration reload), by event name.</param>
/// <param name="UnreadableLines">Audit lines that could not be read as JSON decisions.</param>
/// <param name="OutsideRange">Decisions outside <c>--since</c> / <c>--until</c>.</param>
/// <param name="SkippedFiles">Files not read, by reason (e.g. "no e-mail headers").</param>
/// <param name="Problems">Messages that could not be evaluated as they stand: label and problem code.</param>
/// <param name="BodyFromLines">Unescaped mbox <c>From </c> lines kept as message text.</param>
internal sealed record InputCounts(
    int Lines,
    IReadOnlyDictionary<string, int> OtherEvents,
    int UnreadableLines,
    int OutsideRange,
    IReadOnlyDictionary<string, int> SkippedFiles,
    IReadOnlyList<(string Label, string Problem)> Problems,
    int BodyFromLines);
