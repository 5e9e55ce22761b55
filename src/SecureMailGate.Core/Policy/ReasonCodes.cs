namespace SecureMailGate.Core.Policy;

/// <summary>Reason codes carried by every <see cref="RecipientDecision"/> (POLICY §3). Stable: scripts match on them.</summary>
public static class ReasonCodes
{
    /// <summary>Rule 1: the recipient is inside the organisation.</summary>
    public const string InternalRecipient = "internal-recipient";

    /// <summary>Rule 2: a valid NHS number is in the subject line.</summary>
    public const string NhsNumberInSubject = "nhs-number-in-subject";

    /// <summary>Rule 3: an automatically forwarded message to a non-secure tier.</summary>
    public const string AutoForwardedToInsecure = "auto-forwarded-to-insecure";

    /// <summary>Rule 4: sensitive mail to a retired domain.</summary>
    public const string SensitiveToRetired = "sensitive-to-retired";

    /// <summary>Rule 4: a retired domain (not sensitive).</summary>
    public const string RetiredDomain = "retired-domain";

    /// <summary>Rule 5: sensitive mail to an e-mail-to-fax or e-mail-to-SMS gateway.</summary>
    public const string SensitiveToProhibitedChannel = "sensitive-to-prohibited-channel";

    /// <summary>Rule 6: sensitive mail to an insecure tier.</summary>
    public const string SensitiveToInsecure = "sensitive-to-insecure";

    /// <summary>Rule 6: the sender already asked for encryption.</summary>
    public const string SenderRequestedEncryption = "sender-requested-encryption";

    /// <summary>Rule 6: the organisation has no encryption path, so the recipient is blocked instead.</summary>
    public const string EncryptionUnavailable = "encryption-unavailable";

    /// <summary>Rule 7: sensitive mail to an address that cannot be parsed.</summary>
    public const string SensitiveToInvalid = "sensitive-to-invalid";

    /// <summary>Rule 8: an encrypted attachment to a route that may strip it.</summary>
    public const string EncryptedAttachmentMayBeStripped = "encrypted-attachment-may-be-stripped";

    /// <summary>Rule 8: an encrypted attachment to NHSmail or a local secure NHS system.</summary>
    public const string EncryptionUnnecessary = "encryption-unnecessary";

    /// <summary>Rule 9: sensitive mail to a secure route without a protective marking in the subject.</summary>
    public const string UnmarkedSensitive = "unmarked-sensitive";

    /// <summary>Rule 10: sensitive mail on a secure route.</summary>
    public const string SecureRoute = "secure-route";

    /// <summary>Rule 10: nothing sensitive was found.</summary>
    public const string NotSensitive = "not-sensitive";

    /// <summary>The sender is on the exemption list.</summary>
    public const string SenderExempt = "sender-exempt";

    /// <summary>The recipient is on the exemption list.</summary>
    public const string RecipientExempt = "recipient-exempt";
}
