using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using SecureMailGate.Core;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Cli;

/// <summary>Options shared by several commands, and turning them into an engine.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Policy file (securemailgate.json). Without it the built-in defaults of POLICY.md apply.",
    };

    public Option<string?> Now { get; } = new("--now")
    {
        Description = "Evaluate as if it were this date/time (ISO 8601, e.g. 2019-04-01), for legacy domain sunset dates.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON for scripts instead of a table.",
    };

    /// <summary>Loads the policy and builds the engine, or throws a <see cref="CliException"/> that says what to fix.</summary>
    public SecureMailGateEngine CreateEngine(ParseResult result, TimeProvider clock)
    {
        PolicyOptions options = LoadPolicy(result.GetValue(Config));
        return new SecureMailGateEngine(options, ClockFor(result, clock));
    }

    public TimeProvider ClockFor(ParseResult result, TimeProvider clock)
    {
        string? now = result.GetValue(Now);
        if (now is null)
        {
            return clock;
        }

        if (!DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset instant))
        {
            throw new CliException(ExitCodes.Usage, $"--now '{now}' is not a date; use ISO 8601, e.g. 2019-04-01 or 2019-04-01T09:30:00Z.");
        }

        return new FixedTimeProvider(instant);
    }

    public static PolicyOptions LoadPolicy(string? path)
    {
        if (path is null)
        {
            return PolicyOptions.Default;
        }

        try
        {
            return PolicyConfigurationLoader.LoadFile(path);
        }
        catch (PolicyConfigurationException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    /// <summary>Opens an input file for reading, with a plain message when it cannot be.</summary>
    public static FileStream OpenInput(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a folder; give a message file (use 'securemailgate replay' for folders).");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string problem = ex is FileNotFoundException or DirectoryNotFoundException
                ? "the file does not exist"
                : ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            throw new CliException($"{path}: cannot read the file ({problem}).", ex);
        }
    }
}
