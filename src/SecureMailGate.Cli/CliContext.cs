using System;
using System.IO;
using SecureMailGate.Core.Configuration;

namespace SecureMailGate.Cli;

/// <summary>Where a command writes, its clock, and the one place that turns failures into a line and an exit code.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, TimeProvider clock, bool interactive, Func<Stream> standardInput)
    {
        OpenStandardInput = standardInput;
        Out = output;
        Error = error;
        Clock = clock;
        Interactive = interactive;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider Clock { get; }

    /// <summary>Opens standard input (for <c>check -</c>).</summary>
    public Func<Stream> OpenStandardInput { get; }

    /// <summary>True when stdout is a terminal: progress bars and colour are shown.</summary>
    public bool Interactive { get; }

    /// <summary>Runs a command body: problems the user can fix become one line on stderr, never a stack trace.</summary>
    public int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException ex)
        {
            Error.WriteLine("securemailgate: " + ex.Message);
            return ex.ExitCode;
        }
        catch (PolicyConfigurationException ex)
        {
            Error.WriteLine("securemailgate: " + ex.Message);
            return ExitCodes.InputOrConfig;
        }
        catch (IOException ex)
        {
            Error.WriteLine("securemailgate: " + ex.Message);
            return ExitCodes.InputOrConfig;
        }
        catch (Exception ex)
        {
            // A bug, not bad input: still one line, with what to send us.
            Error.WriteLine($"securemailgate: internal error ({ex.GetType().Name}: {ex.Message}). Please report this with the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}
