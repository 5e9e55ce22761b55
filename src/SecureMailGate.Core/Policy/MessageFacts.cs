namespace SecureMailGate.Core.Policy;

/// <summary>The facts about a message that the decision rules use, derived once from its findings.</summary>
/// <param name="Sensitive">The message is sensitive (POLICY §2, last paragraph).</param>
/// <param name="NhsNumberInSubject">A valid NHS number is in the subject, at any confidence.</param>
/// <param name="AutoForwarded">The message was forwarded automatically.</param>
/// <param name="EncryptionRequested">The sender put the encryption token in the subject.</param>
/// <param name="EncryptedAttachment">An attachment is password-protected or encrypted.</param>
/// <param name="MarkedInSubject">The subject carries a protective marking.</param>
public sealed record MessageFacts(
    bool Sensitive,
    bool NhsNumberInSubject = false,
    bool AutoForwarded = false,
    bool EncryptionRequested = false,
    bool EncryptedAttachment = false,
    bool MarkedInSubject = false);
