using System;

namespace SecureMailGate.Exchange;

/// <summary>The subject an encrypt recipient gets: the token in front, never twice.</summary>
internal static class EncryptionSubject
{
    /// <summary>
    /// <paramref name="subject"/> with <paramref name="token"/> put in front, or unchanged when it already holds the
    /// token anywhere (a second pass, or a sender who typed it); the token alone when there is no subject.
    /// </summary>
    public static string With(string? subject, string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("The encryption token is empty.", nameof(token));
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            return token;
        }

        return subject!.IndexOf(token, StringComparison.OrdinalIgnoreCase) >= 0 ? subject : token + " " + subject;
    }
}
