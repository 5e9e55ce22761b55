using System;
using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Policy;

/// <summary>Turns findings into <see cref="MessageFacts"/> (POLICY §2, "The message is sensitive when ...").</summary>
public static class SensitivityAssessor
{
    /// <summary>Derives the facts.</summary>
    /// <param name="findings">Every finding of the message.</param>
    /// <param name="autoForwarded">Whether the message carries an auto-forwarding marker.</param>
    /// <param name="detection">Threshold and admin patterns.</param>
    public static MessageFacts Assess(IReadOnlyList<Finding> findings, bool autoForwarded, DetectionOptions detection)
    {
        if (findings is null || detection is null)
        {
            throw new ArgumentNullException(findings is null ? nameof(findings) : nameof(detection));
        }

        var patternNames = new HashSet<string>(detection.Patterns.Select(p => p.Name), StringComparer.Ordinal);
        bool Identifier(Finding f) => f.Kind is FindingKinds.NhsNumber or FindingKinds.NiNumber || patternNames.Contains(f.Kind);

        bool nhsInSubject = findings.Any(f => f.Kind == FindingKinds.NhsNumber && f.Location == "subject");
        bool marking = findings.Any(f => f.Kind == FindingKinds.Marking);
        bool requested = findings.Any(f => f.Kind == FindingKinds.EncryptionRequested);
        bool sensitive = nhsInSubject || marking || requested
            || findings.Any(f => f.Kind == FindingKinds.InspectionLimit)
            || (detection.UnreadableAttachments == UnreadableAttachments.Sensitive && findings.Any(f => f.Kind == FindingKinds.UnreadableAttachment))
            || findings.Any(f => Identifier(f) && f.Confidence >= detection.Threshold);
        return new MessageFacts(
            Sensitive: sensitive,
            NhsNumberInSubject: nhsInSubject,
            AutoForwarded: autoForwarded,
            EncryptionRequested: requested,
            EncryptedAttachment: findings.Any(f => f.Kind == FindingKinds.EncryptedAttachment),
            MarkedInSubject: findings.Any(f => f.Kind == FindingKinds.Marking && f.Location == "subject"));
    }
}
