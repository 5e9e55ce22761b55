using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Logging;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Service.Hosting;

/// <summary>
/// Keeps the policy in force exactly as the transport agent does (POLICY §6): the same file, looked at again at most once
/// per recheck interval (a few file stats, from request traffic, no watcher thread), a bad file never replacing a good
/// one, and the reason logged. Adds the configured accepted domains to <c>internalDomains</c> as the agent adds
/// Exchange's. Thread-safe.
/// </summary>
public sealed partial class PolicyHolder
{
    private readonly string _path;
    private readonly IReadOnlyList<string> _acceptedDomains;
    private readonly Func<string, PolicyOptions> _load;
    private readonly Func<PolicyOptions, SecureMailGateEngine> _createEngine;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _recheck;
    private readonly ILogger _log;
    private readonly object _gate = new();
    private long _nextCheck = long.MinValue;
    private string? _seen;
    private PolicyOptions? _lastGood;
    private ServicePolicy? _current;

    /// <summary>Creates the holder; the file is read at the first <see cref="Current"/>.</summary>
    /// <param name="path">The policy file shared with the agent.</param>
    /// <param name="acceptedDomains">The organisation's accepted domains (added to <c>internalDomains</c>).</param>
    /// <param name="load">Loads and validates a policy file (<c>PolicyConfigurationLoader.LoadFile</c>).</param>
    /// <param name="createEngine">Builds the engine for a policy.</param>
    /// <param name="clock">Time source for the recheck interval.</param>
    /// <param name="recheck">Least time between two looks at the files; zero looks on every request.</param>
    /// <param name="log">Operational log.</param>
    public PolicyHolder(string path, IReadOnlyList<string> acceptedDomains, Func<string, PolicyOptions> load, Func<PolicyOptions, SecureMailGateEngine> createEngine, TimeProvider clock, TimeSpan recheck, ILogger<PolicyHolder> log)
    {
        _path = path ?? throw new ArgumentNullException(nameof(path));
        _acceptedDomains = acceptedDomains ?? throw new ArgumentNullException(nameof(acceptedDomains));
        _load = load ?? throw new ArgumentNullException(nameof(load));
        _createEngine = createEngine ?? throw new ArgumentNullException(nameof(createEngine));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _recheck = recheck;
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>The policy in force, or null when no good policy has ever loaded (the service then answers 503).</summary>
    public ServicePolicy? Current
    {
        get
        {
            lock (_gate)
            {
                RefreshIfChanged();
                return _current;
            }
        }
    }

    private void RefreshIfChanged()
    {
        long now = _clock.GetTimestamp();
        if (now < _nextCheck)
        {
            return;
        }

        _nextCheck = _recheck <= TimeSpan.Zero ? long.MinValue : now + (long)(_recheck.TotalSeconds * _clock.TimestampFrequency);
        string fingerprint = Fingerprint();
        if (fingerprint == _seen)
        {
            return;
        }

        _seen = fingerprint;
        if (!File.Exists(_path))
        {
            if (_lastGood is null)
            {
                LogNoFile(_log, _path);
                Apply(PolicyOptions.Default);
            }
            else
            {
                LogFileMissing(_log, _path);
            }

            return;
        }

        PolicyOptions loaded;
        try
        {
            loaded = _load(_path);
        }
        catch (Exception ex)
        {
            // The loader's message names the file, the line and the problem.
            LogNotApplied(_log, ex.Message, _lastGood is null
                ? "No good policy has loaded yet, so the service answers 503 and the add-in lets mail go to the gateway, which decides."
                : "The last good policy stays in force.");
            return;
        }

        if (Apply(loaded))
        {
            LogLoaded(_log, _path, loaded.Version, loaded.Mode.ToWireName());
        }
    }

    private bool Apply(PolicyOptions options)
    {
        try
        {
            PolicyOptions merged = options with
            {
                InternalDomains = options.InternalDomains.Concat(_acceptedDomains).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            };
            _current = new ServicePolicy(merged, _createEngine(merged));
            _lastGood = options;
            return true;
        }
        catch (Exception ex)
        {
            LogNotApplied(_log, ex.Message, "The previous policy stays in force.");
            return false;
        }
    }

    private string Fingerprint() =>
        string.Join("|", new[] { _path }.Concat(_lastGood?.SourceFiles ?? Array.Empty<string>())
            .Select(Path.GetFullPath).Distinct(StringComparer.OrdinalIgnoreCase).Select(Describe));

    private static string Describe(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{path}:{info.LastWriteTimeUtc.Ticks}:{info.Length}" : path + ":absent";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No policy file at {Path}; the built-in default policy applies.")]
    private static partial void LogNoFile(ILogger log, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Policy file {Path} is missing; the last good policy stays in force.")]
    private static partial void LogFileMissing(ILogger log, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Policy not applied: {Problem} {Consequence}")]
    private static partial void LogNotApplied(ILogger log, string problem, string consequence);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Policy {Path} loaded (version {Version}, mode {Mode}).")]
    private static partial void LogLoaded(ILogger log, string path, string version, string mode);
}
