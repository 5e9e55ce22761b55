using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SecureMailGate.Service.Authentication;

/// <summary>
/// Checks an Exchange on-premises user identity token (a JWT from <c>getUserIdentityTokenAsync</c>) the way Microsoft's
/// "Validate an Exchange identity token" describes: header <c>typ</c> JWT, <c>alg</c> RS256 and an <c>x5t</c> naming
/// one of the certificates in Exchange's authentication metadata; an RS256 signature by that certificate; <c>aud</c> the
/// add-in's URL; <c>iss</c> the issuer the metadata names; <c>nbf</c>/<c>exp</c> around now; <c>appctx</c> with
/// <c>version</c> ExIdTok.V1, <c>amurl</c> the configured metadata URL and a <c>msexchuid</c>. Pure: no I/O, no clock.
/// </summary>
public static class IdentityTokenValidator
{
    /// <summary>The first part of every issuer Exchange uses: Exchange's well-known service principal.</summary>
    public const string ExchangePrincipal = "00000002-0000-0ff1-ce00-000000000000@";

    private const int MaxTokenLength = 16 * 1024;

    // 9999-12-31T23:59:59Z, the last second DateTimeOffset can hold.
    private const long MaxUnixSeconds = 253402300799;

    /// <summary>Checks a token.</summary>
    /// <param name="token">The token as the add-in sent it.</param>
    /// <param name="metadata">Exchange's signing certificates and issuer.</param>
    /// <param name="expected">The audience, metadata URL and clock tolerance.</param>
    /// <param name="now">The current time.</param>
    public static TokenCheck Validate(string? token, AuthMetadata metadata, TokenExpectations expected, DateTimeOffset now)
    {
        if (metadata is null || expected is null)
        {
            throw new ArgumentNullException(metadata is null ? nameof(metadata) : nameof(expected));
        }

        if (string.IsNullOrEmpty(token))
        {
            return TokenCheck.Refused("missing");
        }

        string[] parts = token!.Length <= MaxTokenLength ? token.Split('.') : Array.Empty<string>();
        if (parts.Length != 3)
        {
            return TokenCheck.Refused("malformed");
        }

        byte[]? headerBytes = Base64Url.TryDecode(parts[0]);
        byte[]? payloadBytes = Base64Url.TryDecode(parts[1]);
        byte[]? signature = Base64Url.TryDecode(parts[2]);
        if (headerBytes is null || payloadBytes is null || signature is null)
        {
            return TokenCheck.Refused("malformed");
        }

        try
        {
            using JsonDocument header = JsonDocument.Parse(headerBytes);
            using JsonDocument payload = JsonDocument.Parse(payloadBytes);
            return Check(header.RootElement, payload.RootElement, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, metadata, expected, now);
        }
        catch (JsonException)
        {
            return TokenCheck.Refused("malformed");
        }
    }

    private static TokenCheck Check(JsonElement header, JsonElement payload, byte[] signedPart, byte[] signature, AuthMetadata metadata, TokenExpectations expected, DateTimeOffset now)
    {
        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
        {
            return TokenCheck.Refused("malformed");
        }

        if (!string.Equals(Text(header, "typ"), "JWT", StringComparison.OrdinalIgnoreCase) || Text(header, "alg") != "RS256")
        {
            return TokenCheck.Refused("unsupported-token-type");
        }

        X509Certificate2? certificate = Text(header, "x5t") is { } x5t ? metadata.FindByX5t(x5t) : null;
        if (certificate is null)
        {
            return TokenCheck.Refused("unknown-signing-key");
        }

        using (RSA? rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is null || !rsa.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return TokenCheck.Refused("bad-signature");
            }
        }

        if (!Uri.TryCreate(Text(payload, "aud"), UriKind.Absolute, out Uri? audience) || !SameUrl(audience, expected.Audience))
        {
            return TokenCheck.Refused("wrong-audience");
        }

        if (!IssuerMatches(Text(payload, "iss"), metadata.Issuer))
        {
            return TokenCheck.Refused("wrong-issuer");
        }

        long? notBefore = Seconds(payload, "nbf");
        long? expires = Seconds(payload, "exp");
        if (notBefore is null || expires is null)
        {
            return TokenCheck.Refused("malformed");
        }

        if (now < DateTimeOffset.FromUnixTimeSeconds(notBefore.Value) - expected.ClockSkew)
        {
            return TokenCheck.Refused("not-yet-valid");
        }

        if (now > DateTimeOffset.FromUnixTimeSeconds(expires.Value) + expected.ClockSkew)
        {
            return TokenCheck.Refused("expired");
        }

        return CheckAppContext(payload, expected);
    }

    private static TokenCheck CheckAppContext(JsonElement payload, TokenExpectations expected)
    {
        // Exchange sends appctx as a JSON string; the documentation shows it as an object. Both are read.
        if (!payload.TryGetProperty("appctx", out JsonElement raw))
        {
            return TokenCheck.Refused("malformed");
        }

        using JsonDocument? parsed = raw.ValueKind == JsonValueKind.String ? JsonDocument.Parse(raw.GetString()!) : null;
        JsonElement context = parsed?.RootElement ?? raw;
        if (context.ValueKind != JsonValueKind.Object)
        {
            return TokenCheck.Refused("malformed");
        }

        if (Text(context, "version") != "ExIdTok.V1")
        {
            return TokenCheck.Refused("unsupported-token-version");
        }

        if (!Uri.TryCreate(Text(context, "amurl"), UriKind.Absolute, out Uri? metadataUrl) || !SameUrl(metadataUrl, expected.MetadataUrl))
        {
            return TokenCheck.Refused("wrong-metadata-url");
        }

        string? user = Text(context, "msexchuid");
        if (string.IsNullOrWhiteSpace(user))
        {
            return TokenCheck.Refused("no-user");
        }

        return TokenCheck.Valid(new ExchangeIdentity(user!, user + "|" + metadataUrl.AbsoluteUri));
    }

    /// <summary>
    /// The token's issuer must be Exchange's principal at the realm the metadata names; a metadata issuer ending in
    /// <c>@*</c> (any realm) accepts Exchange's principal at any realm, the signature still proving which server signed.
    /// </summary>
    private static bool IssuerMatches(string? issuer, string? metadataIssuer)
    {
        if (issuer is null || !issuer.StartsWith(ExchangePrincipal, StringComparison.OrdinalIgnoreCase) || issuer.Length == ExchangePrincipal.Length)
        {
            return false;
        }

        if (metadataIssuer is null)
        {
            return false;
        }

        return metadataIssuer.EndsWith("@*", StringComparison.Ordinal)
            ? issuer.StartsWith(metadataIssuer.Substring(0, metadataIssuer.Length - 1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(issuer, metadataIssuer, StringComparison.OrdinalIgnoreCase);
    }

    // Scheme, host and port compare without case; the path exactly, as Exchange copies it from the manifest.
    private static bool SameUrl(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(a.AbsolutePath, b.AbsolutePath, StringComparison.Ordinal)
        && string.Equals(a.Query, b.Query, StringComparison.Ordinal);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // nbf and exp are seconds since 1970, as numbers or (in Microsoft's own example) as strings of digits.
    private static long? Seconds(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        long seconds;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
        {
            seconds = number;
        }
        else if (value.ValueKind != JsonValueKind.String || !long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return null;
        }

        return seconds >= 0 && seconds <= MaxUnixSeconds ? seconds : null;
    }
}
