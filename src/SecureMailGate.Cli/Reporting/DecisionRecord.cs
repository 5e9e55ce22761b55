using System;
using System.Collections.Generic;

namespace SecureMailGate.Cli.Reporting;

/// <summary>One message's decisions, from an audit line or a replayed verdict: what the report counts.</summary>
/// <param name="Time">When it was decided (audit) or sent (replay: the Date header); null when unknown.</param>
/// <param name="Mode">Policy mode wire name.</param>
/// <param name="Enforced">Whether the decisions were carried out (false in monitor mode).</param>
/// <param name="Sensitive">Whether the message counted as sensitive.</param>
/// <param name="FindingKinds">The kind of every finding, repeats included.</param>
/// <param name="Recipients">The decision for each recipient.</param>
internal sealed record DecisionRecord(
    DateTimeOffset? Time,
    string Mode,
    bool Enforced,
    bool Sensitive,
    IReadOnlyList<string> FindingKinds,
    IReadOnlyList<RecipientRecord> Recipients);
