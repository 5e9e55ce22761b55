namespace SecureMailGate.Cli;

/// <summary>Exit codes of the CLI contract (ARCHITECTURE.md).</summary>
internal static class ExitCodes
{
    /// <summary>Evaluated.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected internal failure (a bug): reported in one line, never a stack trace.</summary>
    public const int InternalError = 1;

    /// <summary>Usage error.</summary>
    public const int Usage = 2;

    /// <summary>Input unreadable or configuration invalid.</summary>
    public const int InputOrConfig = 3;

    /// <summary>Evaluated, and a recipient's action reached the level given with <c>--fail-on</c>.</summary>
    public const int FailOn = 4;
}
