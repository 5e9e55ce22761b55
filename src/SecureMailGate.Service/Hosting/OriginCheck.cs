using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SecureMailGate.Service.Hosting;

/// <summary>
/// Refuses (403) any request that says it comes from a web page other than the add-in's own origin. CORS alone only
/// tells browsers what they may read; this makes the service refuse the call itself.
/// </summary>
public sealed class OriginCheck
{
    private readonly RequestDelegate _next;
    private readonly string _allowed;

    /// <summary>Creates the middleware.</summary>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="settings">The settings naming the add-in's origin.</param>
    public OriginCheck(RequestDelegate next, ServiceSettings settings)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _allowed = (settings ?? throw new ArgumentNullException(nameof(settings))).AddinOrigin;
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

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new { status = 403, detail = "This service answers only the SecureMailGate Outlook add-in." },
            cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }
}
