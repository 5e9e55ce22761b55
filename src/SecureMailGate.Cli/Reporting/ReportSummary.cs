using System.Collections.Generic;

namespace SecureMailGate.Cli.Reporting;

/// <summary>
/// The figures of the IG report and of replay's summary. Every count is of recipients unless it says messages;
/// nothing in it names a person: domains only, never addresses, subjects or file names of attachments.
/// </summary>
/// <param name="Source"><c>audit</c> or <c>replay</c>.</param>
/// <param name="Messages">Messages counted.</param>
/// <param name="Sensitive">Of those, sensitive.</param>
/// <param name="Recipients">Recipient decisions counted.</param>
/// <param name="MonitorMessages">Messages decided in monitor mode (nothing enforced).</param>
/// <param name="Tiers">Recipients by tier.</param>
/// <param name="Actions">Recipients by action.</param>
/// <param name="Reasons">Recipients by reason code.</param>
/// <param name="FindingKinds">Messages with at least one finding of each kind.</param>
/// <param name="WouldChange">Recipients decided in monitor mode whose action enforce would carry out (block, encrypt, warn).</param>
/// <param name="SensitiveDomains">Domains that received sensitive mail, most recipients first.</param>
/// <param name="Daily">Messages per day, oldest first (messages without a time are not in it).</param>
/// <param name="Input">What was read and left out.</param>
internal sealed record ReportSummary(
    string Source,
    int Messages,
    int Sensitive,
    int Recipients,
    int MonitorMessages,
    IReadOnlyDictionary<string, int> Tiers,
    IReadOnlyDictionary<string, int> Actions,
    IReadOnlyDictionary<string, int> Reasons,
    IReadOnlyDictionary<string, int> FindingKinds,
    IReadOnlyDictionary<string, int> WouldChange,
    IReadOnlyList<DomainCount> SensitiveDomains,
    IReadOnlyList<DailyCount> Daily,
    InputCounts Input);
