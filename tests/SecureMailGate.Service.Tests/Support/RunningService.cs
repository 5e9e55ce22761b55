using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SecureMailGate.Service.Hosting;

namespace SecureMailGate.Service.Tests.Support;

/// <summary>
/// The real verdict service on 127.0.0.1 (plain HTTP, allowed for loopback only), with a policy file, a stand-in
/// Exchange's metadata document in a temporary folder, and tokens signed by that stand-in.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    /// <summary>An enforcing policy for the trust ourtrust.nhs.uk, inspected in process (fast).</summary>
    public const string EnforcingPolicy = """
        { "mode": "enforce", "internalDomains": ["ourtrust.nhs.uk"], "inspection": { "isolation": "inproc" } }
        """;

    /// <summary>Exchange's metadata URL the tokens name (never fetched: the document is read from a file).</summary>
    public static readonly Uri MetadataUrl = new("https://mail.ourtrust.test/autodiscover/metadata/json/1");

    private readonly WebApplication _app;

    private RunningService(WebApplication app, string folder, int port, TokenFactory tokens, CapturedLog log)
    {
        _app = app;
        Folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Tokens = tokens;
        Log = log;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The service's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The add-in's origin (the only one CORS allows).</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The folder holding the policy and metadata files.</summary>
    public string Folder { get; }

    /// <summary>The policy file.</summary>
    public string PolicyPath => Path.Combine(Folder, "securemailgate.json");

    /// <summary>Issues tokens as the stand-in Exchange.</summary>
    public TokenFactory Tokens { get; }

    /// <summary>What the service logged.</summary>
    public CapturedLog Log { get; }

    /// <summary>A client for the service.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the service.</summary>
    /// <param name="policyJson">The policy file's content.</param>
    /// <param name="settings">Extra or replaced settings (keys like <c>SecureMailGate:RequestsPerMinute</c>).</param>
    public static async Task<RunningService> StartAsync(string policyJson = EnforcingPolicy, IDictionary<string, string?>? settings = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "smg-service-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port = FreePort();
        var audience = new Uri($"http://127.0.0.1:{port}/addin/taskpane.html");
        var tokens = new TokenFactory(audience, MetadataUrl);
        await File.WriteAllTextAsync(Path.Combine(folder, "securemailgate.json"), policyJson).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "exchange-metadata.json"), tokens.MetadataDocument()).ConfigureAwait(false);
        var values = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["SecureMailGate:PolicyFile"] = Path.Combine(folder, "securemailgate.json"),
            ["SecureMailGate:AddinUrl"] = audience.AbsoluteUri,
            ["SecureMailGate:AuthMetadataUrl"] = MetadataUrl.AbsoluteUri,
            ["SecureMailGate:AuthMetadataFile"] = Path.Combine(folder, "exchange-metadata.json"),
            ["SecureMailGate:AllowHttpOnLoopback"] = "true",
        };
        foreach (KeyValuePair<string, string?> pair in settings ?? new Dictionary<string, string?>())
        {
            values[pair.Key] = pair.Value;
        }

        var log = new CapturedLog();
        WebApplication app = ServiceApp.Build(Array.Empty<string>(), builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(log);
        });
        await app.StartAsync().ConfigureAwait(false);
        return new RunningService(app, folder, port, tokens, log);
    }

    /// <summary>A POST to the evaluation endpoint with a valid token and the add-in's origin, unless told otherwise.</summary>
    /// <param name="body">The JSON body (serialised with web defaults).</param>
    /// <param name="token">The bearer token; <c>""</c> for none; null for a valid one.</param>
    /// <param name="origin">The Origin header; null for none.</param>
    public HttpRequestMessage Evaluate(object body, string? token = null, string? origin = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ServiceApp.EvaluatePath)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json"),
        };
        string bearer = token ?? Tokens.Create();
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        string? sentOrigin = origin == string.Empty ? Origin : origin;
        if (sentOrigin is not null)
        {
            request.Headers.Add("Origin", sentOrigin);
        }

        return request;
    }

    /// <summary>Sends an evaluation and returns the status and the parsed answer (null when not JSON).</summary>
    /// <param name="body">The JSON body.</param>
    public async Task<(HttpStatusCode Status, JsonElement Answer)> EvaluateAsync(object body)
    {
        using HttpRequestMessage request = Evaluate(body);
        using HttpResponseMessage response = await Client.SendAsync(request).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Tokens.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still hold a file for a moment; the temporary folder is cleaned by the system.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
