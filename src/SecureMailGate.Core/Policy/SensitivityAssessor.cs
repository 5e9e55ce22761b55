using System;
using System.Collections.Generic;
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

        // One pass, no closures: this runs for every message.
        bool nhsInSubject = false, marking = false, markedInSubject = false, requested = false, limit = false;
        bool unreadable = false, encryptedAttachment = false, identifier = false;
        foreach (Finding f in findings)
        {
            switch (f.Kind)
            {
                case FindingKinds.NhsNumber:
                    nhsInSubject |= f.Location == "subject";
                    identifier |= f.Confidence >= detection.Threshold;
                    break;
                case FindingKinds.NiNumber:
                    identifier |= f.Confidence >= detection.Threshold;
                    break;
                case FindingKinds.Marking:
                    marking = true;
                    markedInSubject |= f.Location == "subject";
                    break;
                case FindingKinds.EncryptionRequested:
                    requested = true;
                    break;
                case FindingKinds.InspectionLimit:
                    limit = true;
                    break;
                case FindingKinds.UnreadableAttachment:
                    unreadable = true;
                    break;
                case FindingKinds.EncryptedAttachment:
                    encryptedAttachment = true;
                    break;
                default:
                    identifier |= f.Confidence >= detection.Threshold && IsPattern(detection, f.Kind);
                    break;
            }
        }

        bool sensitive = nhsInSubject || marking || requested || limit
            || (detection.UnreadableAttachments == UnreadableAttachments.Sensitive && unreadable)
            || identifier;
        return new MessageFacts(
            Sensitive: sensitive,
            NhsNumberInSubject: nhsInSubject,
            AutoForwarded: autoForwarded,
            EncryptionRequested: requested,
            EncryptedAttachment: encryptedAttachment,
            MarkedInSubject: markedInSubject);
    }

    private static bool IsPattern(DetectionOptions detection, string kind)
    {
        foreach (DetectionPattern pattern in detection.Patterns)
        {
            if (string.Equals(pattern.Name, kind, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
