using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using NUnit.Framework;
using SecureMailGate.Service.Hosting;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>Only the organisation's users, through the add-in, may ask: every other request is refused.</summary>
[TestFixture]
public sealed class AuthenticationTests
{
    private RunningService _service = null!;

    [OneTimeSetUp]
    public async Task Start() => _service = await RunningService.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _service.DisposeAsync();

    [Test]
    public async Task A_valid_token_from_the_add_in_is_answered()
    {
        Assert.That(await Send(_service.Tokens.Create()), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_token_with_numeric_times_is_answered_too()
    {
        Assert.That(await Send(_service.Tokens.Create(numericTimes: true)), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task No_token_is_refused()
    {
        Assert.That(await Send(string.Empty), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_service.Log.Text, Does.Contain("identity token missing"));
    }

    [TestCase("not-a-jwt")]
    [TestCase("a.b.c")]
    [TestCase("eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.")]
    public async Task A_malformed_token_is_refused(string token)
    {
        Assert.That(await Send(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        using var forger = RSA.Create(2048);

        Assert.That(await Send(_service.Tokens.Create(signWith: forger)), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_service.Log.Text, Does.Contain("identity token bad-signature"));
    }

    [Test]
    public async Task A_token_for_another_add_in_is_refused()
    {
        string token = _service.Tokens.Create(audience: new Uri("https://elsewhere.example/addin/taskpane.html"));

        Assert.That(await Send(token), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_service.Log.Text, Does.Contain("identity token wrong-audience"));
    }

    [Test]
    public async Task A_token_from_another_issuer_is_refused()
    {
        string token = _service.Tokens.Create(issuer: "00000002-0000-0ff1-ce00-000000000000@attacker.example");

        Assert.That(await Send(token), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_service.Log.Text, Does.Contain("identity token wrong-issuer"));
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        string token = _service.Tokens.Create(expires: DateTimeOffset.UtcNow.AddMinutes(-30));

        Assert.That(await Send(token), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_service.Log.Text, Does.Contain("identity token expired"));
    }

    [Test]
    public async Task A_request_from_a_foreign_web_page_is_refused()
    {
        using HttpRequestMessage request = _service.Evaluate(Messages.Lunch("friend@gmail.com"), origin: "https://evil.example");
        using HttpResponseMessage response = await _service.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        Assert.That(_service.Log.Text, Does.Contain($"Request refused (403): it came from the web origin https://evil.example, not the add-in's {_service.Origin}."));
    }

    [Test]
    public async Task A_preflight_from_the_add_in_is_allowed_and_one_from_elsewhere_is_not()
    {
        using HttpResponseMessage own = await _service.Client.SendAsync(Preflight(_service.Origin));
        using HttpResponseMessage foreign = await _service.Client.SendAsync(Preflight("https://evil.example"));

        Assert.That(own.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { _service.Origin }));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(foreign.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task A_user_over_the_rate_limit_is_refused_and_another_user_is_not()
    {
        await using RunningService limited = await RunningService.StartAsync(settings: new Dictionary<string, string?> { ["SecureMailGate:RequestsPerMinute"] = "3" });
        string busy = limited.Tokens.Create(user: "busy@" + TokenFactory.Realm);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            using HttpRequestMessage request = limited.Evaluate(Messages.Lunch("friend@gmail.com"), busy);
            using HttpResponseMessage response = await limited.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        using HttpRequestMessage other = limited.Evaluate(Messages.Lunch("friend@gmail.com"), limited.Tokens.Create(user: "quiet@" + TokenFactory.Realm));
        using HttpResponseMessage otherResponse = await limited.Client.SendAsync(other);

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(otherResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, ServiceApp.EvaluatePath);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private async Task<HttpStatusCode> Send(string token)
    {
        using HttpRequestMessage request = _service.Evaluate(Messages.Lunch("friend@gmail.com"), token);
        using HttpResponseMessage response = await _service.Client.SendAsync(request);
        return response.StatusCode;
    }
}
