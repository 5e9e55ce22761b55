using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace SecureMailGate.Service.Hosting;

/// <summary>
/// Refuses (403) any request that says it comes from a web page other than the add-in's own origin. CORS alone only
/// tells browsers what they may read; this makes the service refuse the call itself.
/// </summary>
public sealed partial class OriginCheck
{
    private readonly RequestDelegate _next;
    private readonly string _allowed;
    private readonly ILogger _log;

    /// <summary>Creates the middleware.</summary>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="settings">The settings naming the add-in's origin.</param>
    /// <param name="log">Operational log.</param>
    public OriginCheck(RequestDelegate next, ServiceSettings settings, ILogger<OriginCheck> log)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _allowed = (settings ?? throw new ArgumentNullException(nameof(settings))).AddinOrigin;
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Passes the request on, or answers 403.</summary>
    /// <param name="context">The request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        string? origin = context.Request.Headers[HeaderNames.Origin];
        if (origin is null || string.Equals(origin.TrimEnd('/'), _allowed, StringComparison.OrdinalIgnoreCase))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        LogRefused(_log, origin.Length <= 200 ? origin : origin.Substring(0, 200), _allowed);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new { status = 403, detail = "This service answers only the SecureMailGate Outlook add-in." },
            cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    // A web origin is an address, never message content; it tells the administrator which page called.
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Request refused (403): it came from the web origin {Origin}, not the add-in's {Allowed}.")]
    private static partial void LogRefused(ILogger log, string origin, string allowed);
}
