using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SecureMailGate.Service.Authentication;

/// <summary>
/// Exchange's authentication metadata, read from its URL (or a file the administrator copied it to), kept for an hour,
/// read again early when a token names a key it lacks (at most every five minutes), and never replaced by a document
/// that fails to load: the last good one stays in force and the problem is logged once per attempt.
/// </summary>
public sealed partial class AuthMetadataCache : IAuthMetadataSource, IDisposable
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan UnknownKeyRetryAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly Uri _url;
    private readonly string? _file;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuthMetadata? _current;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _triedAt = DateTimeOffset.MinValue;

    /// <summary>Creates the cache; nothing is read until the first request.</summary>
    /// <param name="url">The metadata URL (https://&lt;exchange&gt;/autodiscover/metadata/json/1).</param>
    /// <param name="file">A file to read instead of the URL; null to fetch the URL.</param>
    /// <param name="http">Client for the URL.</param>
    /// <param name="clock">Time source.</param>
    /// <param name="log">Operational log.</param>
    public AuthMetadataCache(Uri url, string? file, HttpClient http, TimeProvider clock, ILogger<AuthMetadataCache> log)
    {
        _url = url ?? throw new ArgumentNullException(nameof(url));
        _file = file;
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <inheritdoc />
    public async Task<AuthMetadata?> GetAsync(bool unknownKey, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        bool stale = _current is null || now - _loadedAt > RefreshAfter || (unknownKey && now - _triedAt > UnknownKeyRetryAfter);
        if (!stale)
        {
            return _current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            now = _clock.GetUtcNow();
            bool retryAllowed = now - _triedAt > (_current is null ? TimeSpan.FromSeconds(10) : UnknownKeyRetryAfter);
            if ((_current is null || now - _loadedAt > RefreshAfter || unknownKey) && retryAllowed)
            {
                _triedAt = now;
                try
                {
                    _current = await LoadAsync(cancellationToken).ConfigureAwait(false);
                    _loadedAt = now;
                    LogLoaded(_log, _file ?? _url.AbsoluteUri, _current.SigningCertificates.Count);
                }
                catch (Exception ex) when (ex is AuthMetadataException or HttpRequestException or IOException or TaskCanceledException or UnauthorizedAccessException)
                {
                    LogLoadFailed(_log, ex.Message, _current is null
                        ? "No metadata has been read yet, so every request is refused (401) until it can be."
                        : "The last good metadata stays in force.");
                }
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<AuthMetadata> LoadAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
        {
            string text = await File.ReadAllTextAsync(_file, cancellationToken).ConfigureAwait(false);
            return AuthMetadata.Parse(text, _file);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        using HttpResponseMessage response = await _http.GetAsync(_url, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new AuthMetadataException($"Exchange's authentication metadata at {_url} answered HTTP {(int)response.StatusCode}. Check SecureMailGate:AuthMetadataUrl and that this server can reach Exchange over HTTPS.");
        }

        string json = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        return AuthMetadata.Parse(json, _url.AbsoluteUri);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Exchange authentication metadata read from {Source} ({Count} signing certificate(s)).")]
    private static partial void LogLoaded(ILogger log, string source, int count);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Exchange authentication metadata not read: {Problem} {Consequence}")]
    private static partial void LogLoadFailed(ILogger log, string problem, string consequence);
}
