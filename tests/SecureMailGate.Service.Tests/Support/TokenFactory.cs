using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using SecureMailGate.Service.Authentication;

namespace SecureMailGate.Service.Tests.Support;

/// <summary>
/// Plays the Exchange server: a locally generated signing certificate, the authentication metadata document that
/// publishes it, and user identity tokens signed with it (or deliberately wrong in one way).
/// </summary>
public sealed class TokenFactory : IDisposable
{
    /// <summary>The realm the stand-in Exchange signs for.</summary>
    public const string Realm = "mail.ourtrust.test";

    private readonly RSA _key;

    /// <summary>Creates a factory with a fresh certificate.</summary>
    /// <param name="audience">The add-in URL tokens are issued for.</param>
    /// <param name="metadataUrl">The metadata URL tokens point at (amurl).</param>
    public TokenFactory(Uri audience, Uri metadataUrl)
    {
        Audience = audience;
        MetadataUrl = metadataUrl;
        _key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + Realm, _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>The add-in URL tokens are issued for.</summary>
    public Uri Audience { get; }

    /// <summary>The metadata URL tokens point at.</summary>
    public Uri MetadataUrl { get; }

    /// <summary>The signing certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The issuer Exchange uses.</summary>
    public static string Issuer => IdentityTokenValidator.ExchangePrincipal + Realm;

    /// <summary>The metadata document publishing the certificate (the shape of /autodiscover/metadata/json/1).</summary>
    public string MetadataDocument() => JsonSerializer.Serialize(new
    {
        id = "_" + Guid.NewGuid().ToString("N"),
        version = "1.0",
        name = "Exchange",
        realm = Realm,
        serviceName = "00000002-0000-0ff1-ce00-000000000000",
        issuer = Issuer,
        allowedAudiences = new[] { Issuer },
        keys = new[]
        {
            new
            {
                usage = "signing",
                keyinfo = new { x5t = Base64Url.Encode(Certificate.GetCertHash()) },
                keyvalue = new { type = "x509Certificate", value = Convert.ToBase64String(Certificate.Export(X509ContentType.Cert)) },
            },
        },
        endpoints = new[] { new { location = MetadataUrl.AbsoluteUri, protocol = "OAuth2", usage = "metadata" } },
    });

    /// <summary>A valid token for <paramref name="user"/>, or one made wrong by the overrides.</summary>
    /// <param name="user">The msexchuid.</param>
    /// <param name="audience">Overrides aud.</param>
    /// <param name="issuer">Overrides iss.</param>
    /// <param name="expires">Overrides exp (default: in 8 hours).</param>
    /// <param name="signWith">Signs with another key (a forged token).</param>
    /// <param name="numericTimes">Writes nbf/exp as numbers instead of strings of digits.</param>
    public string Create(string user = "5c1b7a0e-0f7e-4a7d-9d52-0a4bc1a1e001@" + Realm, Uri? audience = null, string? issuer = null, DateTimeOffset? expires = null, RSA? signWith = null, bool numericTimes = false)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long nbf = now.AddMinutes(-10).ToUnixTimeSeconds();
        long exp = (expires ?? now.AddHours(8)).ToUnixTimeSeconds();
        string header = Json(new { typ = "JWT", alg = "RS256", x5t = Base64Url.Encode(Certificate.GetCertHash()) });
        string appctx = JsonSerializer.Serialize(new { msexchuid = user, version = "ExIdTok.V1", amurl = MetadataUrl.AbsoluteUri });
        string payload = numericTimes
            ? Json(new { aud = (audience ?? Audience).AbsoluteUri, iss = issuer ?? Issuer, nbf, exp, appctxsender = Issuer, isbrowserhostedapp = "false", appctx })
            : Json(new { aud = (audience ?? Audience).AbsoluteUri, iss = issuer ?? Issuer, nbf = nbf.ToString(System.Globalization.CultureInfo.InvariantCulture), exp = exp.ToString(System.Globalization.CultureInfo.InvariantCulture), appctxsender = Issuer, isbrowserhostedapp = "false", appctx });
        string signed = header + "." + payload;
        byte[] signature = (signWith ?? _key).SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.Encode(signature);
    }

    /// <summary>Signs bytes with the stand-in Exchange's key (RS256), for tokens of a shape <see cref="Create"/> does not make.</summary>
    /// <param name="data">The header and payload, as sent.</param>
    public byte[] SignForTest(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>Disposes the key and certificate.</summary>
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private static string Json(object value) => Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
