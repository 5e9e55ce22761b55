using System;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SecureMailGate.Service.Authentication;

/// <summary>
/// Authenticates a request by the Exchange user identity token in <c>Authorization: Bearer …</c>. Anything but a valid
/// token is refused with 401; the log says why in a short code, never what the token held.
/// </summary>
public sealed partial class ExchangeTokenHandler : AuthenticationHandler<ExchangeTokenOptions>
{
    private readonly IAuthMetadataSource _metadata;
    private readonly TimeProvider _clock;

    /// <summary>Creates the handler (one per request, by ASP.NET Core).</summary>
    /// <param name="options">Scheme options.</param>
    /// <param name="logger">Logger factory.</param>
    /// <param name="encoder">URL encoder.</param>
    /// <param name="metadata">Exchange's authentication metadata.</param>
    /// <param name="clock">Time source.</param>
    public ExchangeTokenHandler(IOptionsMonitor<ExchangeTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAuthMetadataSource metadata, TimeProvider clock)
        : base(options, logger, encoder)
    {
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        TokenExpectations expected = Options.Expectations ?? throw new InvalidOperationException("ExchangeTokenOptions.Expectations must be set.");
        string? header = Request.Headers[HeaderNames.Authorization];
        string? token = header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : null;
        if (string.IsNullOrEmpty(token))
        {
            return Refuse(header is null ? "missing" : "malformed");
        }

        AuthMetadata? metadata = await _metadata.GetAsync(unknownKey: false, Context.RequestAborted).ConfigureAwait(false);
        if (metadata is null)
        {
            return Refuse("no-metadata");
        }

        TokenCheck check = IdentityTokenValidator.Validate(token, metadata, expected, _clock.GetUtcNow());
        if (check.Failure == "unknown-signing-key")
        {
            // Exchange may have renewed its signing certificate since the metadata was read.
            AuthMetadata? renewed = await _metadata.GetAsync(unknownKey: true, Context.RequestAborted).ConfigureAwait(false);
            if (renewed is not null && !ReferenceEquals(renewed, metadata))
            {
                check = IdentityTokenValidator.Validate(token, renewed, expected, _clock.GetUtcNow());
            }
        }

        if (check.Identity is null)
        {
            return Refuse(check.Failure ?? "invalid");
        }

        var identity = new ClaimsIdentity(
            new[] { new Claim(ExchangeTokenDefaults.UserIdClaim, check.Identity.UniqueId) },
            ExchangeTokenDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ExchangeTokenDefaults.Scheme));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Task.CompletedTask;
    }

    private AuthenticateResult Refuse(string reason)
    {
        LogRefused(Logger, reason);
        return AuthenticateResult.Fail("Exchange identity token refused: " + reason);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Request refused (401): identity token {Reason}.")]
    private static partial void LogRefused(ILogger log, string reason);
}
