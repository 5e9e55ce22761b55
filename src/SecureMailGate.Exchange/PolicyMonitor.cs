using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NLog;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>
/// Keeps the policy in force (POLICY §6): reloads the configuration when its files change (the configuration file
/// and the accredited list it names, wherever that lives; checked from message traffic at most once per recheck
/// interval: a few file stats, no watcher thread to leak), never lets a bad file replace a good one, and logs why.
/// Adds Exchange's own accepted domains to <c>internalDomains</c> so internal mail is never treated as external.
/// Thread-safe.
/// </summary>
internal sealed class PolicyMonitor
{
    private readonly string configPath;
    private readonly Func<string, PolicyOptions> load;
    private readonly Func<PolicyOptions, IPolicyEngine> createEngine;
    private readonly ILogger log;
    private readonly TimeSpan recheckInterval;
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private long nextCheck = long.MinValue;
    private string? seenFingerprint;
    private PolicyOptions? lastGood;
    private IReadOnlyList<string> acceptedDomains = Array.Empty<string>();
    private PolicySnapshot? current;

    /// <param name="configPath">The configuration file.</param>
    /// <param name="load">Loads and validates a configuration file.</param>
    /// <param name="createEngine">Builds the engine for a policy.</param>
    /// <param name="log">Operational log.</param>
    /// <param name="recheckInterval">Least time between two looks at the files; zero looks on every message.</param>
    /// <param name="clock">Time source for the interval.</param>
    public PolicyMonitor(string configPath, Func<string, PolicyOptions> load, Func<PolicyOptions, IPolicyEngine> createEngine, ILogger log, TimeSpan recheckInterval = default, TimeProvider? clock = null)
    {
        this.recheckInterval = recheckInterval;
        this.clock = clock ?? TimeProvider.System;
        this.configPath = configPath ?? throw new ArgumentNullException(nameof(configPath));
        this.load = load ?? throw new ArgumentNullException(nameof(load));
        this.createEngine = createEngine ?? throw new ArgumentNullException(nameof(createEngine));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>The policy in force, or null when no good configuration has ever loaded (then hosts defer).</summary>
    public PolicySnapshot? Current
    {
        get
        {
            lock (gate)
            {
                RefreshIfChanged();
                return current;
            }
        }
    }

    /// <summary>Sets Exchange's accepted domains (authoritative and internal relay); rebuilds the engine when they change.</summary>
    public void SetAcceptedDomains(IEnumerable<string> domains)
    {
        var normalised = domains.Select(NormaliseAcceptedDomain).Where(d => d.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(d => d, StringComparer.OrdinalIgnoreCase).ToArray();
        lock (gate)
        {
            if (normalised.SequenceEqual(acceptedDomains, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            acceptedDomains = normalised;
            if (lastGood is not null)
            {
                TryBuild(lastGood, "accepted domains changed");
            }
        }
    }

    private static string NormaliseAcceptedDomain(string name)
    {
        // Accepted domains may be "*.contoso.com"; internalDomains already include sub-domains.
        var trimmed = (name ?? string.Empty).Trim();
        return trimmed.StartsWith("*.", StringComparison.Ordinal) ? trimmed.Substring(2) : trimmed.TrimStart('*');
    }

    private void RefreshIfChanged()
    {
        // Every message asks; the files are looked at no more often than the interval allows (hot path).
        long now = clock.GetTimestamp();
        if (now < nextCheck)
        {
            return;
        }

        nextCheck = recheckInterval <= TimeSpan.Zero ? long.MinValue : now + (long)(recheckInterval.TotalSeconds * clock.TimestampFrequency);
        var fingerprint = Fingerprint();
        if (fingerprint == seenFingerprint)
        {
            return;
        }

        seenFingerprint = fingerprint;
        if (!File.Exists(configPath))
        {
            if (lastGood is null)
            {
                log.Warn("No configuration file at {ConfigPath}; the built-in default policy applies.", configPath);
                TryBuild(PolicyOptions.Default, "built-in defaults");
            }
            else
            {
                log.Warn("Configuration file {ConfigPath} is missing; the last good configuration stays in force.", configPath);
            }

            return;
        }

        PolicyOptions loaded;
        try
        {
            loaded = load(configPath);
        }
        catch (Exception ex)
        {
            // The loader's message names the file, the line and the problem in one plain-English line.
            log.Error(
                "Configuration not applied: {Problem} {Consequence}",
                ex.Message,
                lastGood is null
                    ? "No good configuration has been loaded yet, so every message is deferred until the file is fixed."
                    : "The last good configuration stays in force.");
            return;
        }

        if (TryBuild(loaded, "configuration file changed"))
        {
            log.Info("Configuration {ConfigPath} loaded (policy version {PolicyVersion}, mode {Mode}).", configPath, loaded.Version, loaded.Mode);
        }
    }

    private bool TryBuild(PolicyOptions options, string why)
    {
        try
        {
            var merged = options with
            {
                InternalDomains = options.InternalDomains.Concat(acceptedDomains).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            };
            current = new PolicySnapshot(merged, createEngine(merged));
            lastGood = options;
            return true;
        }
        catch (Exception ex)
        {
            log.Error(ex, "Policy not applied ({Why}): {Problem} The previous policy stays in force.", why, ex.Message);
            return false;
        }
    }

    // The configuration file and every file the last good policy was read from (its accredited list).
    private string Fingerprint()
    {
        var files = new[] { configPath }.Concat(lastGood?.SourceFiles ?? Array.Empty<string>())
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join("|", files.Select(Describe));
    }

    private static string Describe(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{path}:{info.LastWriteTimeUtc.Ticks}:{info.Length}" : path + ":absent";
    }
}
