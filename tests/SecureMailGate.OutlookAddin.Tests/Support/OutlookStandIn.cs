using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jint;
using Jint.Native;

namespace SecureMailGate.OutlookAddin.Tests.Support;

/// <summary>
/// Outlook without Outlook: runs the add-in's real <c>launchevent.js</c> in Jint with the Office stand-in
/// (<c>office-standin.js</c>) and a fetch that makes real HTTP requests (sending the add-in's origin, as its runtime
/// would), then plays the sender selecting Send.
/// </summary>
public sealed class OutlookStandIn : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Engine _engine;
    private readonly JsEventLoop _loop;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stop = new();
    private readonly string _origin;
    private bool _completed;

    /// <summary>Loads the handler into a fresh runtime.</summary>
    /// <param name="handlerScript">launchevent.js as served.</param>
    /// <param name="mailbox">The message being composed.</param>
    /// <param name="origin">The origin the add-in's files come from (sent as the Origin header).</param>
    public OutlookStandIn(string handlerScript, Mailbox mailbox, string origin)
    {
        _origin = origin;
        _engine = new Engine();
        _loop = new JsEventLoop(_engine);
        _engine.SetValue("__host_setTimeout", new Func<JsValue, double, int>(_loop.SetTimeout));
        _engine.SetValue("__host_clearTimeout", new Action<double>(_loop.ClearTimeout));
        _engine.SetValue("__host_fetch", new Action<string, string, string, JsValue, JsValue, JsValue>(Fetch));
        _engine.SetValue("__host_completed", new Action(() => _completed = true));
        _engine.Execute("var __host = { setTimeout: __host_setTimeout, clearTimeout: __host_clearTimeout, fetch: __host_fetch, completed: __host_completed };");
        _engine.Execute("var __mailbox = " + JsonSerializer.Serialize(mailbox, Json) + ";");
        _engine.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "office-standin.js")), "office-standin.js");
        _engine.Execute(handlerScript, "launchevent.js");
    }

    /// <summary>The handler names the script registered with Office.actions.associate.</summary>
    public IReadOnlyList<string> Associated =>
        JsonSerializer.Deserialize<string[]>(_engine.Evaluate("JSON.stringify(Object.keys(__outcome.associated))").AsString())!;

    /// <summary>How many attachments the handler read.</summary>
    public int AttachmentReads => (int)_engine.Evaluate("__outcome.attachmentReads").AsNumber();

    /// <summary>The sender selects Send: runs the associated OnMessageSend handler until it calls event.completed.</summary>
    /// <param name="limit">Most time to wait (Outlook itself gives up after five minutes).</param>
    public SentMessage Send(TimeSpan? limit = null)
    {
        _completed = false;
        var watch = Stopwatch.StartNew();
        _engine.Execute("__outcome.completed = null; __outcome.completions = 0; __outcome.logs = []; __outcome.associated.onMessageSendHandler(__sendEvent());");
        _engine.Advanced.ProcessTasks();
        _loop.RunUntil(() => _completed, limit ?? TimeSpan.FromSeconds(20));
        TimeSpan elapsed = watch.Elapsed;

        // Keep the runtime going a moment: a second event.completed would show up here.
        _loop.RunUntil(() => watch.Elapsed > elapsed + TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        using JsonDocument outcome = JsonDocument.Parse(_engine.Evaluate("JSON.stringify({ o: __outcome, subject: __mailbox.subject })").AsString());
        JsonElement o = outcome.RootElement.GetProperty("o");
        JsonElement completed = o.GetProperty("completed");
        return new SentMessage(
            completed.TryGetProperty("allowEvent", out JsonElement allow) && allow.GetBoolean(),
            completed.TryGetProperty("errorMessage", out JsonElement message) ? message.GetString() : null,
            completed.TryGetProperty("sendModeOverride", out JsonElement mode) ? mode.GetString() : null,
            outcome.RootElement.GetProperty("subject").GetString() ?? string.Empty,
            o.GetProperty("completions").GetInt32(),
            o.GetProperty("logs").EnumerateArray().Select(l => l.GetString() ?? string.Empty).ToArray(),
            elapsed,
            completed.TryGetProperty("cancelLabel", out JsonElement label) ? label.GetString() : null,
            completed.TryGetProperty("commandId", out JsonElement command) ? command.GetString() : null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _http.Dispose();
        _loop.Dispose();
        _engine.Dispose();
        _stop.Dispose();
    }

    private void Fetch(string url, string method, string headersJson, JsValue body, JsValue onResponse, JsValue onNetworkError)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        Dictionary<string, string> headers = JsonSerializer.Deserialize<Dictionary<string, string>>(headersJson) ?? new Dictionary<string, string>();
        string contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "text/plain";
        if (!body.IsNull() && !body.IsUndefined())
        {
            request.Content = new StringContent(body.AsString(), Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (KeyValuePair<string, string> header in headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Headers.Add("Origin", _origin);
        CancellationToken stop = _stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                using HttpResponseMessage response = await _http.SendAsync(request, stop).ConfigureAwait(false);
                string text = await response.Content.ReadAsStringAsync(stop).ConfigureAwait(false);
                Post(() => _engine.Invoke(onResponse, (int)response.StatusCode, text));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
            {
                Post(() => _engine.Invoke(onNetworkError, "Failed to fetch"));
            }
            finally
            {
                request.Dispose();
            }
        });
    }

    private void Post(Action work)
    {
        if (!_stop.IsCancellationRequested)
        {
            try
            {
                _loop.Post(work);
            }
            catch (ObjectDisposedException)
            {
                // The test is over; nobody waits for this answer.
            }
        }
    }
}
