using System;
using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Service.Evaluation;

/// <summary>
/// Says in plain words what made a message sensitive and where ("an NHS number in the body"), never what it was: an
/// attachment is named by its position, never by its file name.
/// </summary>
public static class FindingWords
{
    /// <summary>The findings that made the message sensitive, described, strongest first, at most <paramref name="max"/> distinct phrases.</summary>
    /// <param name="findings">The verdict's findings.</param>
    /// <param name="detection">The policy's detection settings (threshold, pattern names).</param>
    /// <param name="max">Most phrases to return.</param>
    public static IReadOnlyList<string> Describe(IReadOnlyList<Finding> findings, DetectionOptions detection, int max = 2)
    {
        if (findings is null || detection is null)
        {
            throw new ArgumentNullException(findings is null ? nameof(findings) : nameof(detection));
        }

        var patterns = new HashSet<string>(detection.Patterns.Select(p => p.Name), StringComparer.Ordinal);
        return findings
            .Where(f => Counts(f, detection, patterns))
            .Select(f => What(f.Kind, patterns) + " " + Where(f.Location))
            .Distinct(StringComparer.Ordinal)
            .Take(max)
            .ToArray();
    }

    /// <summary>Where a finding is, in words: "in the subject", "in the body", "in attachment 2" (its position in the message).</summary>
    /// <param name="location">The finding's location.</param>
    public static string Where(string location)
    {
        if (location is null)
        {
            throw new ArgumentNullException(nameof(location));
        }

        if (location == "subject")
        {
            return "in the subject";
        }

        if (location == "body")
        {
            return "in the body";
        }

        if (location.StartsWith("header:", StringComparison.Ordinal))
        {
            return "in the message's sensitivity setting";
        }

        if (location.StartsWith("attachment:", StringComparison.Ordinal))
        {
            // attachment:2.zip/3.txt is in the message's second attachment; anything else after "attachment:" is said
            // only as "an attachment", never repeated.
            string rest = location.Substring("attachment:".Length);
            string first = new string(rest.TakeWhile(char.IsDigit).ToArray());
            return first.Length > 0 && (first.Length == rest.Length || rest[first.Length] is '.' or '/')
                ? "in attachment " + first
                : "in an attachment";
        }

        return "in the message";
    }

    private static bool Counts(Finding f, DetectionOptions detection, HashSet<string> patterns) => f.Kind switch
    {
        FindingKinds.Marking or FindingKinds.InspectionLimit => true,
        FindingKinds.UnreadableAttachment => detection.UnreadableAttachments == UnreadableAttachments.Sensitive,
        FindingKinds.NhsNumber => f.Location == "subject" || f.Confidence >= detection.Threshold,
        FindingKinds.NiNumber => f.Confidence >= detection.Threshold,
        _ => patterns.Contains(f.Kind) && f.Confidence >= detection.Threshold,
    };

    private static string What(string kind, HashSet<string> patterns) => kind switch
    {
        FindingKinds.NhsNumber => "an NHS number",
        FindingKinds.NiNumber => "a National Insurance number",
        FindingKinds.Marking => "a protective marking",
        FindingKinds.InspectionLimit => "content that could not be fully checked",
        FindingKinds.UnreadableAttachment => "an attachment that could not be read",
        _ when patterns.Contains(kind) => "information your organisation protects",
        _ => "sensitive information",
    };
}
