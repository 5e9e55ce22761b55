using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;
using SecureMailGate.Service.Hosting;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>HTTPS only in production: the service will not start on plain HTTP except on loopback when told to.</summary>
[TestFixture]
public sealed class StartupTests
{
    [TestCase("https://0.0.0.0:8443", false)]
    [TestCase("http://127.0.0.1:5080", true)]
    [TestCase("http://localhost:5080", true)]
    [TestCase("http://[::1]:5080", true)]
    public void Allowed_listening_addresses_raise_no_problem(string url, bool allowHttp)
    {
        Assert.That(ListenAddressCheck.Problems(new[] { url }, allowHttp), Is.Empty);
    }

    [TestCase("http://0.0.0.0:8080", true, "HTTP is allowed only on 127.0.0.1 for testing")]
    [TestCase("http://*:8080", true, "HTTP is allowed only on 127.0.0.1 for testing")]
    [TestCase("http://127.0.0.1:8080", false, "The service accepts HTTPS only")]
    [TestCase("ftp://host", true, "must start with https://")]
    public void Plain_http_anywhere_else_is_refused_with_what_to_do(string url, bool allowHttp, string expected)
    {
        Assert.That(ListenAddressCheck.Problems(new[] { url }, allowHttp), Has.One.Contains(expected));
    }

    [Test]
    public void The_service_does_not_start_on_plain_http_on_a_network_address()
    {
        var error = Assert.Throws<ServiceSettingsException>(() => ServiceApp.Build(Array.Empty<string>(), b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:8080",
            ["SecureMailGate:AddinUrl"] = "https://smg.ourtrust.test/addin/taskpane.html",
            ["SecureMailGate:AuthMetadataUrl"] = "https://mail.ourtrust.test/autodiscover/metadata/json/1",
            ["SecureMailGate:AllowHttpOnLoopback"] = "true",
        })));

        Assert.That(error!.Message, Does.Contain("'http://0.0.0.0:8080' is plain HTTP on a network address"));
    }

    [Test]
    public void A_missing_setting_is_named_with_an_example()
    {
        var error = Assert.Throws<ServiceSettingsException>(() => ServiceApp.Build(Array.Empty<string>(), b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "https://0.0.0.0:8443",
            ["SecureMailGate:AuthMetadataUrl"] = "https://mail.ourtrust.test/autodiscover/metadata/json/1",
        })));

        Assert.That(error!.Message, Is.EqualTo("SecureMailGate:AddinUrl is not set. Set it to the URL of the add-in's task pane page, e.g. https://securemailgate.ourtrust.nhs.uk/addin/taskpane.html."));
    }

    [Test]
    public async Task Health_says_ready_once_a_policy_is_loaded_and_not_ready_without_one()
    {
        await using RunningService good = await RunningService.StartAsync();
        await using RunningService broken = await RunningService.StartAsync("""{ "mdoe": "enforce" }""");

        using var ready = await good.Client.GetAsync("health");
        using var notReady = await broken.Client.GetAsync("health");
        (HttpStatusCode status, _) = await broken.EvaluateAsync(Messages.Lunch("friend@gmail.com"));

        Assert.That((ready.StatusCode, await ready.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.OK, "ready")));
        Assert.That(notReady.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no policy: the add-in lets the message go to the gateway");
    }
}
