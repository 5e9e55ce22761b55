namespace SecureMailGate.Core.Inspection;

/// <summary>Built-in finding kinds (POLICY §2). Admin patterns use their own names.</summary>
public static class FindingKinds
{
    /// <summary>An NHS number passing the modulus-11 check.</summary>
    public const string NhsNumber = "nhs-number";

    /// <summary>A UK National Insurance number.</summary>
    public const string NiNumber = "ni-number";

    /// <summary>A protective marking chosen by the sender.</summary>
    public const string Marking = "marking";

    /// <summary>The sender's own encryption token (default <c>[secure]</c>) is in the subject.</summary>
    public const string EncryptionRequested = "encryption-requested";

    /// <summary>A password-protected or encrypted attachment.</summary>
    public const string EncryptedAttachment = "encrypted-attachment";

    /// <summary>An inspection limit was reached; the message is treated as sensitive.</summary>
    public const string InspectionLimit = "inspection-limit";

    /// <summary>An attachment whose text could not be read (e.g. a scanned PDF without a text layer).</summary>
    public const string UnreadableAttachment = "unreadable-attachment";

    /// <summary>The message was automatically forwarded.</summary>
    public const string AutoForwarded = "auto-forwarded";
}
