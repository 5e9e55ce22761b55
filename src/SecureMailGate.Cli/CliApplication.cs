using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
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
    /// <param name="standardInput">Opens standard input, for <c>check -</c>; null means the process's own.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock, Func<Stream>? standardInput = null)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var context = new CliContext(output, error, clock, interactive, standardInput ?? Console.OpenStandardInput);
        var common = new CommonOptions();
        var root = new RootCommand("SecureMailGate: decide, per recipient, whether a message may leave by e-mail, and how.")
        {
            ClassifyCommand.Create(common, context),
            CheckCommand.Create(common, context),
            ReplayCommand.Create(common, context),
            ReportCommand.Create(context),
            ConfigValidateCommand.Create(context),
            DomainsImportCommand.Create(context),
        };

        // '@name' is an ordinary argument (a domain such as @nhs.net), never a response file to read.
        ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        string? problem = UnknownCommand(result) ?? UnknownOption(result) ?? result.Errors.Select(e => e.Message).FirstOrDefault();
        if (problem is not null)
        {
            error.WriteLine("securemailgate: " + problem);
            error.WriteLine($"Run '{CommandPath(result.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The full command as typed, e.g. <c>securemailgate config validate</c>.</summary>
    internal static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Insert(0, c.Parent is null ? "securemailgate" : c.Command.Name);
            }
        }

        return string.Join(" ", names);
    }

    // A group (the root, 'config', 'domains') given a word that is none of its commands: say so, list them and guess.
    private static string? UnknownCommand(ParseResult result)
    {
        Command command = result.CommandResult.Command;
        if (command.Subcommands.Count == 0 || command.Action is not null)
        {
            return null;
        }

        string? word = result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
        if (word is null && result.Errors.Count == 0)
        {
            return null;
        }

        string[] names = command.Subcommands.Select(c => c.Name).ToArray();
        string where = CommandPath(result.CommandResult);
        string list = string.Join(", ", names);
        if (word is null)
        {
            return $"'{where}' needs a command: {list}.";
        }

        string? guess = names.Where(n => Distance(n, word) <= 2 || n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => Distance(n, word)).FirstOrDefault();
        string hint = guess is null ? string.Empty : $" Did you mean '{where} {guess}'?";
        return $"'{word}' is not a command of '{where}'. Commands: {list}.{hint}";
    }

    // System.CommandLine hands a mistyped option to an argument that takes any word (classify nhs.net --verbose would
    // classify '--verbose'); an argument that starts with '-' is an unknown option unless it follows '--' or is '-'.
    private static string? UnknownOption(ParseResult result)
    {
        int doubleDash = result.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var literal = new HashSet<Token>(doubleDash < 0 ? Enumerable.Empty<Token>() : result.Tokens.Skip(doubleDash + 1), ReferenceEqualityComparer.Instance);
        string? option = result.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => !literal.Contains(t) && t.Value.Length > 1 && t.Value[0] == '-')
            .Select(t => t.Value)
            .FirstOrDefault();
        if (option is null)
        {
            return null;
        }

        string[] known = result.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToArray();
        string? guess = known.Where(k => Distance(k, option) <= 2).OrderBy(k => Distance(k, option)).FirstOrDefault();
        string hint = guess is null ? string.Empty : $" Did you mean '{guess}'?";
        return $"'{option}' is not an option of '{CommandPath(result.CommandResult)}'.{hint} (To pass a value that starts with '-', put '--' before it.)";
    }

    // Edit distance, for "did you mean" hints; the words are short.
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
