using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NLog;
using SecureMailGate.Core.Audit;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>
/// Keeps the policy in force (POLICY §6): reloads the configuration when its files change (the configuration file
/// and the accredited list it names, wherever that lives; checked from message traffic at most once per recheck
/// interval: a few file stats, no watcher thread to leak), never lets a bad file replace a good one, and logs why.
/// Adds Exchange's own accepted domains to <c>internalDomains</c> so internal mail is never treated as external.
/// Every load, applied or rejected, writes a configuration event line to the audit trail (POLICY §5).
/// Thread-safe.
/// </summary>
internal sealed class PolicyMonitor
{
    private readonly string configPath;
    private readonly Func<string, PolicyOptions> load;
    private readonly Func<PolicyOptions, IPolicyEngine> createEngine;
    private readonly ILogger log;
    private readonly ILogger? audit;
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
    /// <param name="clock">Time source for the interval and the audit lines.</param>
    /// <param name="audit">Audit trail for configuration event lines; null writes none.</param>
    public PolicyMonitor(string configPath, Func<string, PolicyOptions> load, Func<PolicyOptions, IPolicyEngine> createEngine, ILogger log, TimeSpan recheckInterval = default, TimeProvider? clock = null, ILogger? audit = null)
    {
        this.audit = audit;
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
                const string cause = "accepted domains changed";
                var applied = TryBuild(lastGood, cause, out var problem);
                Audit(applied ? ConfigurationOutcome.Applied : ConfigurationOutcome.Rejected, cause, lastGood.Version, problem);
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

        var changed = seenFingerprint is null ? "gateway started" : "configuration file changed";
        seenFingerprint = fingerprint;
        if (!File.Exists(configPath))
        {
            if (lastGood is null)
            {
                log.Warn("No configuration file at {ConfigPath}; the built-in default policy applies.", configPath);
                var applied = TryBuild(PolicyOptions.Default, "built-in defaults", out var problem);
                Audit(applied ? ConfigurationOutcome.BuiltIn : ConfigurationOutcome.Rejected, changed, PolicyOptions.Default.Version, problem);
            }
            else
            {
                log.Warn("Configuration file {ConfigPath} is missing; the last good configuration stays in force.", configPath);
                Audit(ConfigurationOutcome.Missing, "configuration file removed", null, null);
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
            Audit(ConfigurationOutcome.Rejected, changed, VersionOfFile(), ex.Message);
            // The loader's message names the file, the line and the problem in one plain-English line.
            log.Error(
                "Configuration not applied: {Problem} {Consequence}",
                ex.Message,
                lastGood is null
                    ? "No good configuration has been loaded yet, so every message is deferred until the file is fixed."
                    : "The last good configuration stays in force.");
            return;
        }

        if (TryBuild(loaded, changed, out var buildProblem))
        {
            log.Info("Configuration {ConfigPath} loaded (policy version {PolicyVersion}, mode {Mode}).", configPath, loaded.Version, loaded.Mode);
        }

        Audit(buildProblem is null ? ConfigurationOutcome.Applied : ConfigurationOutcome.Rejected, changed, loaded.Version, buildProblem);
    }

    private bool TryBuild(PolicyOptions options, string why, out string? problem)
    {
        problem = null;
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
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>Writes the configuration event line; a failure to write is logged, never thrown (hot path).</summary>
    private void Audit(string outcome, string cause, string? policyRead, string? problem)
    {
        if (audit is null)
        {
            return;
        }

        try
        {
            audit.Info(ConfigurationAuditRecord.ToJsonLine(clock.GetUtcNow(), outcome, cause, configPath, policyRead, current?.Options.Version, problem));
        }
        catch (Exception ex)
        {
            log.Error(ex, "The configuration event could not be written to the audit trail: {Problem}", ex.Message);
        }
    }

    // The hash of the file as it is now, for the audit line of a rejected file; null when it cannot be read.
    private string? VersionOfFile()
    {
        try
        {
            return PolicyConfigurationLoader.VersionOf(File.ReadAllBytes(configPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
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
