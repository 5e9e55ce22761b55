using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NLog.Extensions.Logging;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Isolation;
using SecureMailGate.Service.Authentication;
using SecureMailGate.Service.Evaluation;

namespace SecureMailGate.Service.Hosting;

/// <summary>Builds the verdict service: settings, HTTPS-only listening, authentication, CORS, rate limit, endpoints.</summary>
public static class ServiceApp
{
    /// <summary>The evaluation endpoint.</summary>
    public const string EvaluatePath = "/api/v1/evaluate";

    /// <summary>The Windows service name the deploy scripts install.</summary>
    public const string WindowsServiceName = "SecureMailGateVerdict";

    private const string CorsPolicy = "addin";
    private const string RatePolicy = "per-user";

    /// <summary>How long a changed policy file may go unnoticed.</summary>
    public static readonly TimeSpan PolicyRecheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>Builds the application.</summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls</c>, <c>--SecureMailGate:PolicyFile=…</c>).</param>
    /// <param name="configure">Lets a test add configuration or replace services before the settings are read.</param>
    /// <exception cref="ServiceSettingsException">The settings or the listening addresses are wrong; the message says how to fix them.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        string baseDirectory = AppContext.BaseDirectory;
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = baseDirectory });
        builder.Host.UseWindowsService(o => o.ServiceName = WindowsServiceName);
        string nlogConfig = Path.Combine(baseDirectory, "NLog.config");
        if (File.Exists(nlogConfig))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddNLog(nlogConfig);
        }

        configure?.Invoke(builder);
        ServiceSettings settings = ServiceSettings.From(builder.Configuration, baseDirectory);
        IReadOnlyList<string> problems = ListenAddressCheck.Problems(ListenAddresses(builder.Configuration), settings.AllowHttpOnLoopback);
        if (problems.Count > 0)
        {
            throw new ServiceSettingsException(string.Join(" ", problems));
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = settings.MaxRequestBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        AddServices(builder.Services, settings);
        WebApplication app = builder.Build();
        Configure(app, settings, baseDirectory);
        return app;
    }

    private static void AddServices(IServiceCollection services, ServiceSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddHttpClient(nameof(AuthMetadataCache));
        services.TryAddSingleton<IAuthMetadataSource>(sp => new AuthMetadataCache(
            settings.AuthMetadataUrl,
            settings.AuthMetadataFile,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AuthMetadataCache)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AuthMetadataCache>>()));
        services.AddSingleton(sp =>
        {
            ILogger log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("SecureMailGate.Service.Inspection");
            return new InspectionIsolation(line => log.LogWarning("{WorkerEvent}", line));
        });
        services.AddSingleton(sp =>
        {
            var isolation = sp.GetRequiredService<InspectionIsolation>();
            var clock = sp.GetRequiredService<TimeProvider>();
            return new PolicyHolder(
                settings.PolicyFile,
                settings.AcceptedDomains,
                PolicyConfigurationLoader.LoadFile,
                options => isolation.CreateEngine(options, clock),
                clock,
                PolicyRecheckInterval,
                sp.GetRequiredService<ILogger<PolicyHolder>>());
        });
        services.AddSingleton<EvaluateEndpoint>();

        services.AddAuthentication(ExchangeTokenDefaults.Scheme)
            .AddScheme<ExchangeTokenOptions, ExchangeTokenHandler>(ExchangeTokenDefaults.Scheme, o =>
                o.Expectations = new TokenExpectations(settings.AddinUrl, settings.AuthMetadataUrl, settings.ClockSkew));
        services.AddAuthorization();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins(settings.AddinOrigin)
            .WithMethods("POST")
            .WithHeaders("Authorization", "Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(ExchangeTokenDefaults.UserIdClaim)?.Value ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static void Configure(WebApplication app, ServiceSettings settings, string baseDirectory)
    {
        app.UseMiddleware<OriginCheck>();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        EvaluateEndpoint endpoint = app.Services.GetRequiredService<EvaluateEndpoint>();
        app.MapPost(EvaluatePath, endpoint.HandleAsync)
            .RequireAuthorization()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RatePolicy);

        PolicyHolder policy = app.Services.GetRequiredService<PolicyHolder>();
        app.MapGet("/health", (HttpContext context) =>
        {
            bool ready = policy.Current is not null;
            context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            return context.Response.WriteAsync(ready ? "ready" : "no valid policy loaded");
        });

        string origin = settings.AddinOrigin;
        app.MapGet("/.well-known/microsoft-officeaddins-allowed.json", (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(AddinFiles.AllowedDocument(origin)).AsTask();
        });

        var files = new PhysicalFileProvider(Path.Combine(baseDirectory, "addin"));
        app.MapGet(AddinFiles.RequestPath + "/{**path}", (HttpContext context, string path) => ServeAddinFile(context, files, path, origin));
    }

    private static async Task ServeAddinFile(HttpContext context, IFileProvider files, string path, string origin)
    {
        IFileInfo file = files.GetFileInfo(path ?? string.Empty);
        string? type = AddinFiles.ContentType(file.Name);
        if (!file.Exists || file.IsDirectory || type is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using Stream stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.WriteAsync(AddinFiles.Render(file.Name, buffer.ToArray(), origin), context.RequestAborted).ConfigureAwait(false);
    }

    // The addresses Kestrel will listen on: the urls setting and any Kestrel:Endpoints entries. With none, Kestrel
    // would fall back to plain HTTP on localhost:5000, so none is a problem too.
    private static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        if (urls.Count == 0)
        {
            throw new ServiceSettingsException("No listening address is set. Set urls to the HTTPS address to listen on, e.g. https://0.0.0.0:8443, and give Kestrel a certificate (see docs/OUTLOOK-ADDIN.md).");
        }

        return urls;
    }
}
