using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureMailGate.Cli.Reporting;

/// <summary>Adds up decisions (and what was left out) into a <see cref="ReportSummary"/>. One per report.</summary>
internal sealed class ReportBuilder
{
    private const string Block = "block";
    private const string Encrypt = "encrypt";
    private const string Allow = "allow";

    private readonly string _source;
    private readonly SortedDictionary<string, int> _tiers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _wouldChange = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _otherEvents = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Tier, int Recipients, int Encrypted)> _domains = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, (int Messages, int Sensitive)> _days = new();
    private readonly List<(string, string)> _problems = new();
    private int _messages;
    private int _sensitive;
    private int _recipients;
    private int _monitor;

    /// <summary>Creates a builder.</summary>
    /// <param name="source"><c>audit</c> or <c>replay</c>.</param>
    public ReportBuilder(string source) => _source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>Audit lines read.</summary>
    public int Lines { get; set; }

    /// <summary>Audit lines that could not be read.</summary>
    public int UnreadableLines { get; set; }

    /// <summary>Decisions outside the date range.</summary>
    public int OutsideRange { get; set; }

    /// <summary>Unescaped mbox From lines kept as text.</summary>
    public int BodyFromLines { get; set; }

    /// <summary>Messages counted so far.</summary>
    public int Messages => _messages;

    /// <summary>Counts one message's decisions.</summary>
    public void Add(DecisionRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        _messages++;
        if (record.Sensitive)
        {
            _sensitive++;
        }

        if (!record.Enforced)
        {
            _monitor++;
        }

        foreach (string kind in record.FindingKinds.Distinct(StringComparer.Ordinal))
        {
            Count(_kinds, kind);
        }

        if (record.Time is { } time)
        {
            var day = DateOnly.FromDateTime(time.UtcDateTime);
            (int m, int s) = _days.TryGetValue(day, out var d) ? d : (0, 0);
            _days[day] = (m + 1, s + (record.Sensitive ? 1 : 0));
        }

        foreach (RecipientRecord r in record.Recipients)
        {
            _recipients++;
            Count(_tiers, r.Tier);
            Count(_actions, r.Action);
            foreach (string reason in r.Reasons)
            {
                Count(_reasons, reason);
            }

            if (!record.Enforced && r.Action != Allow)
            {
                Count(_wouldChange, r.Action);
            }

            // Received: delivered. In monitor mode nothing was blocked, so every recipient received it.
            bool received = !record.Enforced || r.Action != Block;
            if (record.Sensitive && received && r.Domain is { } domain)
            {
                (string tier, int n, int e) = _domains.TryGetValue(domain, out var c) ? c : (r.Tier, 0, 0);
                _domains[domain] = (tier, n + 1, e + (record.Enforced && r.Action == Encrypt ? 1 : 0));
            }
        }
    }

    /// <summary>Counts an audit line that is not a decision, by its event name.</summary>
    public void AddOtherEvent(string name) => Count(_otherEvents, name);

    /// <summary>Counts a file that was not read, by reason.</summary>
    public void AddSkippedFile(string reason) => Count(_skipped, reason);

    /// <summary>Records a message that could not be evaluated as it stands.</summary>
    public void AddProblem(string label, string problem) => _problems.Add((label, problem));

    /// <summary>The figures so far.</summary>
    public ReportSummary Build() => new(
        _source,
        _messages,
        _sensitive,
        _recipients,
        _monitor,
        Copy(_tiers),
        Copy(_actions),
        Copy(_reasons),
        Copy(_kinds),
        Copy(_wouldChange),
        _domains.Select(p => new DomainCount(p.Key, p.Value.Tier, p.Value.Recipients, p.Value.Encrypted))
            .OrderByDescending(d => d.Recipients).ThenBy(d => d.Domain, StringComparer.Ordinal).ToArray(),
        _days.Select(p => new DailyCount(p.Key, p.Value.Messages, p.Value.Sensitive)).ToArray(),
        new InputCounts(Lines, Copy(_otherEvents), UnreadableLines, OutsideRange, Copy(_skipped), _problems.ToArray(), BodyFromLines));

    private static void Count(IDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;

    private static IReadOnlyDictionary<string, int> Copy(SortedDictionary<string, int> counts) =>
        new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
}
