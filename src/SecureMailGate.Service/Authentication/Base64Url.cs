using System;

namespace SecureMailGate.Service.Authentication;

/// <summary>Base64url (RFC 4648 §5, no padding) as JWTs use it.</summary>
public static class Base64Url
{
    /// <summary>Encodes bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    public static string Encode(byte[] bytes) =>
        Convert.ToBase64String(bytes ?? throw new ArgumentNullException(nameof(bytes))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes text, or returns null when it is not base64url.</summary>
    /// <param name="text">The text.</param>
    public static byte[]? TryDecode(string text)
    {
        if (text is null)
        {
            return null;
        }

        string padded = text.Replace('-', '+').Replace('_', '/');
        switch (padded.Length % 4)
        {
            case 2: padded += "=="; break;
            case 3: padded += "="; break;
            case 1: return null;
        }

        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
