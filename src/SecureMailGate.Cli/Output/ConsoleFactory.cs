using System.IO;
using Spectre.Console;

namespace SecureMailGate.Cli.Output;

/// <summary>Spectre consoles over a given writer, so commands print to whatever the caller (or a test) hands in.</summary>
internal static class ConsoleFactory
{
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
            // Redirected output (files, pipes, tests) gets a fixed width so tables do not wrap unpredictably.
            console.Profile.Width = 140;
        }

        return console;
    }
}
