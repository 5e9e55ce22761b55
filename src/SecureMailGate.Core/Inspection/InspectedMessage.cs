namespace SecureMailGate.Core.Inspection;

/// <summary>What inspecting one MIME message produced, with the identity the verdict reports.</summary>
/// <param name="MessageId">The Message-ID in angle brackets, or null when the message has none or could not be parsed.</param>
/// <param name="Result">The findings.</param>
public sealed record InspectedMessage(string? MessageId, InspectionResult Result)
{
    /// <summary>
    /// The outcome for a message that could not be inspected to the end (unparseable, or its inspection failed):
    /// one <c>inspection-limit</c> finding at <c>message</c>, so it counts as sensitive and is never allowed to an
    /// insecure recipient.
    /// </summary>
    /// <param name="messageId">The Message-ID when known.</param>
    /// <param name="reason">Why, as a <see cref="FindingReasons"/> code (e.g. <c>not-mime</c>, <c>worker-failed</c>).</param>
    public static InspectedMessage Limit(string? messageId, string reason) =>
        new(messageId, new InspectionResult(new[] { new Finding(FindingKinds.InspectionLimit, "message", Confidence.High, reason) }, false));

    /// <summary>The Message-ID of a parsed message as the verdict reports it: in angle brackets, or null.</summary>
    /// <param name="messageId">MimeKit's Message-ID (without brackets), or null.</param>
    public static string? Bracketed(string? messageId) => string.IsNullOrEmpty(messageId) ? null : "<" + messageId + ">";
}
