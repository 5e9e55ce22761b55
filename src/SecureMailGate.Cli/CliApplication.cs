using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SecureMailGate.Cli.Commands;

namespace SecureMailGate.Cli;

/// <summary>Builds the command tree and runs it; the same in-process entry serves <c>Main</c> and the tests.</summary>
internal static class CliApplication
{
    /// <summary>Runs the CLI.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="clock">The clock, unless <c>--now</c> overrides it.</param>
    /// <returns>The exit code (0 evaluated, 2 usage, 3 input or configuration).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var context = new CliContext(output, error, clock, interactive);
        var common = new CommonOptions();
        var root = new RootCommand("SecureMailGate: decide, per recipient, whether a message may leave by e-mail, and how.")
        {
            ClassifyCommand.Create(common, context),
            CheckCommand.Create(common, context),
            ReplayCommand.Create(common, context),
            ConfigValidateCommand.Create(context),
            DomainsImportCommand.Create(context),
        };

        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            string command = result.CommandResult.Command == root ? string.Empty : " " + result.CommandResult.Command.Name;
            error.WriteLine($"securemailgate: {result.Errors.First().Message}");
            error.WriteLine($"Run 'securemailgate{command} --help' for usage.");
            return ExitCodes.Usage;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
