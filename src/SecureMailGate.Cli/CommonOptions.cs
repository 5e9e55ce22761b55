using System;
using System.Collections.Generic;
using System.Linq;
using System.CommandLine;
using System.Globalization;
using System.IO;
using SecureMailGate.Core;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;

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

    public Option<string?> FailOn { get; } = CreateFailOn();

    /// <summary>
    /// The exit code for <c>--fail-on</c>: <see cref="ExitCodes.FailOn"/> when any decision's action is at least as
    /// strong as the level asked for (block &gt; encrypt &gt; warn), else <see cref="ExitCodes.Ok"/>.
    /// </summary>
    public int ExitCodeFor(ParseResult result, IEnumerable<RecipientAction> actions)
    {
        RecipientAction? level = result.GetValue(FailOn) switch
        {
            "warn" => RecipientAction.Warn,
            "encrypt" => RecipientAction.Encrypt,
            "block" => RecipientAction.Block,
            _ => null,
        };
        return level is { } l && actions.Any(a => Strength(a) >= Strength(l)) ? ExitCodes.FailOn : ExitCodes.Ok;
    }

    private static int Strength(RecipientAction action) => action switch
    {
        RecipientAction.Block => 3,
        RecipientAction.Encrypt => 2,
        RecipientAction.Warn => 1,
        _ => 0,
    };

    private static Option<string?> CreateFailOn()
    {
        var option = new Option<string?>("--fail-on")
        {
            Description = "Exit 4 when any recipient's action is this or stronger: warn, encrypt or block (for scripts).",
        };
        option.AcceptOnlyFromAmong("warn", "encrypt", "block");
        return option;
    }

    /// <summary>
    /// Loads the policy and builds the engine, or throws a <see cref="CliException"/> that says what to fix. Inspection
    /// runs as <c>inspection.isolation</c> says (worker processes by default), so one bad file cannot end a run.
    /// </summary>
    public SecureMailGateEngine CreateEngine(ParseResult result, TimeProvider clock, InspectionIsolation isolation)
    {
        PolicyOptions options = LoadPolicy(result.GetValue(Config));
        return isolation.CreateEngine(options, ClockFor(result, clock));
    }

    /// <summary>Loads the policy and builds an engine for commands that inspect no message (e.g. <c>classify</c>).</summary>
    public SecureMailGateEngine CreateEngine(ParseResult result, TimeProvider clock)
    {
        PolicyOptions options = LoadPolicy(result.GetValue(Config));
        return new SecureMailGateEngine(options, ClockFor(result, clock));
    }

    /// <summary>The worker pool of one command; a killed worker is reported on stderr without content.</summary>
    public static InspectionIsolation CreateIsolation(CliContext context) =>
        new(line => context.Error.WriteLine("securemailgate: " + line), UseSelfAsWorkerIfAlone);

    /// <summary>A single-file build has no worker beside it: it starts itself with <see cref="Program.WorkerArgument"/>.</summary>
    private static WorkerPoolOptions UseSelfAsWorkerIfAlone(WorkerPoolOptions options)
    {
        string? self = Environment.ProcessPath;
        bool workerBeside = File.Exists(Path.Combine(AppContext.BaseDirectory, WorkerPool.WorkerFileName));
        return workerBeside || self is null || !string.Equals(Path.GetFileNameWithoutExtension(self), "securemailgate", StringComparison.OrdinalIgnoreCase)
            ? options
            : options with { WorkerPath = self, WorkerArguments = Program.WorkerArgument };
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
