using System;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using SecureMailGate.Service.Authentication;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>The token checks the running-service tests do not reach one by one.</summary>
[TestFixture]
public sealed class IdentityTokenValidatorTests
{
    private static readonly Uri Audience = new("https://smg.ourtrust.test/addin/taskpane.html");

    private TokenFactory _exchange = null!;
    private AuthMetadata _metadata = null!;

    private TokenExpectations Expected => new(Audience, RunningService.MetadataUrl, TimeSpan.FromMinutes(5));

    [SetUp]
    public void Create()
    {
        _exchange = new TokenFactory(Audience, RunningService.MetadataUrl);
        _metadata = AuthMetadata.Parse(_exchange.MetadataDocument(), "test");
    }

    [TearDown]
    public void Dispose() => _exchange.Dispose();

    [Test]
    public void A_valid_token_names_the_user_joined_to_the_metadata_url()
    {
        TokenCheck check = IdentityTokenValidator.Validate(_exchange.Create(user: "u1@" + TokenFactory.Realm), _metadata, Expected, DateTimeOffset.UtcNow);

        Assert.That(check.Identity, Is.EqualTo(new ExchangeIdentity("u1@" + TokenFactory.Realm, "u1@" + TokenFactory.Realm + "|" + RunningService.MetadataUrl.AbsoluteUri)));
    }

    [Test]
    public void A_token_pointing_at_another_metadata_document_is_refused()
    {
        using var other = new TokenFactory(Audience, new Uri("https://attacker.example/autodiscover/metadata/json/1"));
        var metadata = AuthMetadata.Parse(other.MetadataDocument(), "test");

        Assert.That(IdentityTokenValidator.Validate(other.Create(), metadata, Expected, DateTimeOffset.UtcNow).Failure, Is.EqualTo("wrong-metadata-url"));
    }

    [Test]
    public void A_token_signed_by_a_key_the_metadata_does_not_list_is_refused()
    {
        using var stranger = new TokenFactory(Audience, RunningService.MetadataUrl);

        Assert.That(IdentityTokenValidator.Validate(stranger.Create(), _metadata, Expected, DateTimeOffset.UtcNow).Failure, Is.EqualTo("unknown-signing-key"));
    }

    [Test]
    public void A_token_not_yet_valid_is_refused()
    {
        Assert.That(IdentityTokenValidator.Validate(_exchange.Create(), _metadata, Expected, DateTimeOffset.UtcNow.AddMinutes(-30)).Failure, Is.EqualTo("not-yet-valid"));
    }

    [Test]
    public void Alg_none_is_refused_even_with_the_right_claims()
    {
        string[] parts = _exchange.Create().Split('.');
        string header = Base64Url.Encode(Encoding.UTF8.GetBytes("""{"typ":"JWT","alg":"none"}"""));

        Assert.That(IdentityTokenValidator.Validate(header + "." + parts[1] + ".", _metadata, Expected, DateTimeOffset.UtcNow).Failure, Is.EqualTo("unsupported-token-type"));
    }

    [Test]
    public void An_app_context_given_as_an_object_is_read_like_the_string_form()
    {
        string token = Sign(new
        {
            aud = Audience.AbsoluteUri,
            iss = TokenFactory.Issuer,
            nbf = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            appctx = new { msexchuid = "u2", version = "ExIdTok.V1", amurl = RunningService.MetadataUrl.AbsoluteUri },
        });

        Assert.That(IdentityTokenValidator.Validate(token, _metadata, Expected, DateTimeOffset.UtcNow).Identity?.ExchangeUserId, Is.EqualTo("u2"));
    }

    [Test]
    public void Another_token_version_is_refused()
    {
        string token = Sign(new
        {
            aud = Audience.AbsoluteUri,
            iss = TokenFactory.Issuer,
            nbf = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            appctx = JsonSerializer.Serialize(new { msexchuid = "u2", version = "ExCallback.V1", amurl = RunningService.MetadataUrl.AbsoluteUri }),
        });

        Assert.That(IdentityTokenValidator.Validate(token, _metadata, Expected, DateTimeOffset.UtcNow).Failure, Is.EqualTo("unsupported-token-version"));
    }

    [Test]
    public void A_metadata_document_without_a_certificate_is_an_error_that_says_what_to_check()
    {
        var error = Assert.Throws<AuthMetadataException>(() => AuthMetadata.Parse("""{ "issuer": "x", "keys": [] }""", "https://mail/x"));

        Assert.That(error!.Message, Does.Contain("lists no signing certificate").And.Contain("Check that the URL is Exchange's /autodiscover/metadata/json/1."));
    }

    // A token with the stand-in Exchange's key and certificate id, but a payload the factory does not make.
    private string Sign(object payload)
    {
        string[] parts = _exchange.Create().Split('.');
        string body = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
        return ReSign(parts[0] + "." + body);
    }

    private string ReSign(string signed) => signed + "." + Base64Url.Encode(_exchange.SignForTest(Encoding.ASCII.GetBytes(signed)));
}
