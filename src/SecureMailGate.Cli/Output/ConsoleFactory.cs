using System.IO;
using Spectre.Console;

namespace SecureMailGate.Cli.Output;

/// <summary>Spectre consoles over a given writer, so commands print to whatever the caller (or a test) hands in.</summary>
internal static class ConsoleFactory
{
    /// <summary>The width given to redirected output: wider than any line the CLI writes.</summary>
    public const int UnwrappedWidth = 100_000;

    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Redirected output (files, pipes, tests) is never hard-wrapped: a table is as wide as its content, so
            // an address or a path stays on one line for grep and awk.
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
