using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using SecureMailGate.Service.Authentication;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>Exchange's metadata fetched over HTTP (from 127.0.0.1 here), kept for an hour, never replaced by a bad answer.</summary>
[TestFixture]
public sealed class AuthMetadataCacheTests
{
    private HttpListener _server = null!;
    private Uri _url = null!;
    private volatile int _status = 200;
    private volatile string _document = string.Empty;
    private int _requests;

    [SetUp]
    public void Serve()
    {
        _status = 200;
        _requests = 0;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = new Uri($"http://127.0.0.1:{port}/autodiscover/metadata/json/1");
        _server = new HttpListener();
        _server.Prefixes.Add($"http://127.0.0.1:{port}/");
        _server.Start();
        _ = Task.Run(async () =>
        {
            while (_server.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _server.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                context.Response.StatusCode = _status;
                byte[] body = Encoding.UTF8.GetBytes(_document);
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    [TearDown]
    public void Stop() => _server.Close();

    [Test]
    public async Task The_document_is_read_once_an_hour_and_a_failed_read_keeps_the_last_good_one()
    {
        using var exchange = new TokenFactory(new Uri("https://smg.ourtrust.test/addin/taskpane.html"), _url);
        _document = exchange.MetadataDocument();
        var clock = new ManualClock();
        var log = new CapturedLog();
        using var http = new HttpClient();
        using var cache = new AuthMetadataCache(_url, null, http, clock, new LoggerFactory(new[] { log }).CreateLogger<AuthMetadataCache>());

        AuthMetadata? first = await cache.GetAsync(false, CancellationToken.None);
        AuthMetadata? again = await cache.GetAsync(false, CancellationToken.None);
        _status = 500;
        clock.Advance(TimeSpan.FromHours(2));
        AuthMetadata? afterFailure = await cache.GetAsync(false, CancellationToken.None);

        Assert.That(first, Is.Not.Null, log.Text);
        Assert.That(first!.Issuer, Is.EqualTo(TokenFactory.Issuer));
        Assert.That(first.FindByX5t(Base64Url.Encode(exchange.Certificate.GetCertHash())), Is.Not.Null);
        Assert.That(again, Is.SameAs(first));
        Assert.That(afterFailure, Is.SameAs(first));
        Assert.That(_requests, Is.EqualTo(2));
        Assert.That(log.Text, Does.Contain("answered HTTP 500").And.Contain("The last good metadata stays in force."));
    }

    [Test]
    public async Task Before_any_good_read_there_is_no_metadata_and_the_log_says_every_request_is_refused()
    {
        _status = 404;
        var log = new CapturedLog();
        using var http = new HttpClient();
        using var cache = new AuthMetadataCache(_url, null, http, new ManualClock(), new LoggerFactory(new[] { log }).CreateLogger<AuthMetadataCache>());

        Assert.That(await cache.GetAsync(false, CancellationToken.None), Is.Null);
        Assert.That(log.Text, Does.Contain("every request is refused (401) until it can be"));
    }
}
