using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Service.Hosting;

namespace SecureMailGate.Service.Evaluation;

/// <summary>
/// <c>POST /api/v1/evaluate</c>: what the gateway will do with the message being composed. Stateless; nothing of the
/// message is stored or logged — the log line says how many recipients, the outcome and the time taken.
/// </summary>
public sealed partial class EvaluateEndpoint
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    private readonly PolicyHolder _policy;
    private readonly ServiceSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    /// <summary>Creates the endpoint.</summary>
    /// <param name="policy">The policy in force.</param>
    /// <param name="settings">The service settings (time limit).</param>
    /// <param name="clock">Time source.</param>
    /// <param name="log">Operational log (no content).</param>
    public EvaluateEndpoint(PolicyHolder policy, ServiceSettings settings, TimeProvider clock, ILogger<EvaluateEndpoint> log)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Handles one request.</summary>
    /// <param name="context">The request.</param>
    public async Task HandleAsync(HttpContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        long started = _clock.GetTimestamp();
        ServicePolicy? policy = _policy.Current;
        if (policy is null)
        {
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "No valid policy is loaded on the verdict service; the gateway still checks every message. Ask your administrator to run 'securemailgate config validate' on the policy file.").ConfigureAwait(false);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(_settings.RequestTimeout);
        try
        {
            using ComposedMessage message = await ReadAsync(context.Request, timeout.Token).ConfigureAwait(false);
            // The engine stops at its own time budget too; the answer never waits longer than the service's limit.
            Verdict verdict = await Task.Run(() => policy.Engine.Evaluate(message.Message, message.Sender, message.Recipients, timeout.Token), timeout.Token)
                .WaitAsync(_settings.RequestTimeout, context.RequestAborted).ConfigureAwait(false);
            SenderPrompt prompt = SenderMessages.For(verdict, message.Subject, policy.Options, _clock.GetUtcNow());
            byte[] body = EvaluationJson.Write(verdict, prompt);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
            LogEvaluated(_log, message.Recipients.Count, prompt.Action, verdict.Mode.ToWireName(), (long)_clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (BadRequestException ex)
        {
            LogBadRequest(_log, ex.Message);
            await Problem(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits: the body is larger than SecureMailGate:MaxRequestMegabytes, or arrived too slowly.
            LogBadRequest(_log, $"HTTP {ex.StatusCode} from the server's request limits.");
            await Problem(context, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The message is too large to check before sending. The gateway still checks it when it is sent."
                : "The request could not be read.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The add-in gave up (it lets the send go ahead); nobody is left to answer.
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            LogTimedOut(_log, (int)_settings.RequestTimeout.TotalSeconds);
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "The check took too long. The gateway still checks the message when it is sent.").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The service never dies for one request; the add-in lets the send go ahead and the gateway decides.
            LogFailed(_log, ex.GetType().Name);
            await Problem(context, StatusCodes.Status500InternalServerError, "The verdict service could not check this message. The gateway still checks it when it is sent.").ConfigureAwait(false);
        }
    }

    private static async Task<ComposedMessage> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string type = request.ContentType ?? string.Empty;
        if (type.StartsWith("message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            return MessageComposer.FromMime(buffer);
        }

        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException("Send the message as application/json (what the add-in reads) or message/rfc822 (a whole MIME message).");
        }

        EvaluateRequest? parsed;
        try
        {
            parsed = await JsonSerializer.DeserializeAsync<EvaluateRequest>(request.Body, RequestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new BadRequestException($"The request is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        return MessageComposer.FromRequest(parsed ?? throw new BadRequestException("The request body is empty."));
    }

    private static async Task Problem(HttpContext context, int status, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { status, detail }, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Evaluated a message for {RecipientCount} recipient(s): prompt {Action}, mode {Mode}, {ElapsedMs} ms.")]
    private static partial void LogEvaluated(ILogger log, int recipientCount, string action, string mode, long elapsedMs);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Request refused (400): {Problem}")]
    private static partial void LogBadRequest(ILogger log, string problem);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "Evaluation took longer than {Seconds} s and was stopped (503); the gateway still checks the message.")]
    private static partial void LogTimedOut(ILogger log, int seconds);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Evaluation failed ({ExceptionType}); answered 500 and the gateway still checks the message.")]
    private static partial void LogFailed(ILogger log, string exceptionType);
}
