using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace SecureMailGate.Service.Authentication;

/// <summary>
/// What Exchange publishes at <c>/autodiscover/metadata/json/1</c> that a token check needs: the issuer name and the
/// X.509 certificates whose keys sign user identity tokens.
/// </summary>
/// <param name="Issuer">The <c>issuer</c> field, e.g. <c>00000002-0000-0ff1-ce00-000000000000@mail.ourtrust.nhs.uk</c>; null when absent.</param>
/// <param name="SigningCertificates">The signing certificates (<c>keys[].keyvalue.value</c>), never empty.</param>
public sealed record AuthMetadata(string? Issuer, IReadOnlyList<X509Certificate2> SigningCertificates)
{
    /// <summary>Parses a metadata document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <exception cref="AuthMetadataException">The document is not JSON or holds no usable certificate.</exception>
    public static AuthMetadata Parse(string json, string source)
    {
        if (json is null || source is null)
        {
            throw new ArgumentNullException(json is null ? nameof(json) : nameof(source));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            string? issuer = root.TryGetProperty("issuer", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var certificates = new List<X509Certificate2>();
            if (root.TryGetProperty("keys", out JsonElement keys) && keys.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement key in keys.EnumerateArray())
                {
                    if (key.ValueKind == JsonValueKind.Object
                        && key.TryGetProperty("keyvalue", out JsonElement value) && value.ValueKind == JsonValueKind.Object
                        && value.TryGetProperty("value", out JsonElement raw) && raw.ValueKind == JsonValueKind.String)
                    {
                        certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(raw.GetString()!)));
                    }
                }
            }

            if (certificates.Count == 0)
            {
                throw new AuthMetadataException($"The authentication metadata from {source} lists no signing certificate (keys[].keyvalue.value). Check that the URL is Exchange's /autodiscover/metadata/json/1.");
            }

            return new AuthMetadata(issuer, certificates);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException or InvalidOperationException)
        {
            throw new AuthMetadataException($"The authentication metadata from {source} could not be read ({ex.Message}). Check that the URL is Exchange's /autodiscover/metadata/json/1.", ex);
        }
    }

    /// <summary>The certificate whose SHA-1 thumbprint, base64url-encoded, is <paramref name="x5t"/>; null when none is.</summary>
    /// <param name="x5t">The token header's <c>x5t</c>.</param>
    public X509Certificate2? FindByX5t(string x5t) =>
        SigningCertificates.FirstOrDefault(c => string.Equals(Base64Url.Encode(c.GetCertHash()), x5t, StringComparison.Ordinal));
}
