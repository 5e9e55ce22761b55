using System;

namespace SecureMailGate.Cli;

/// <summary>A problem the user can fix, reported as one line on stderr with an exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException()
        : this(ExitCodes.InputOrConfig, "The command failed.")
    {
    }

    public CliException(string message)
        : this(ExitCodes.InputOrConfig, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InputOrConfig;
    }

    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
