namespace SecureMailGate.Core.Policy;

/// <summary>What an attachment that could not be read means for the message (POLICY §2, <c>detection.unreadableAttachments</c>).</summary>
public enum UnreadableAttachments
{
    /// <summary>
    /// The message counts as sensitive (<c>sensitive</c>, the default): what could not be inspected may hold patient
    /// data, so it is encrypted or blocked for insecure recipients, never allowed.
    /// </summary>
    Sensitive,

    /// <summary>The finding is recorded in the audit trail but does not make the message sensitive (<c>ignore</c>).</summary>
    Ignore,
}
