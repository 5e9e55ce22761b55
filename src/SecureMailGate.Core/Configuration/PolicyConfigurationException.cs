using System;

namespace SecureMailGate.Core.Configuration;

/// <summary>
/// A configuration (or accredited list) file that cannot be used. The message is one plain-English line naming
/// the file, the line and the problem; the previous policy stays in force.
/// </summary>
public sealed class PolicyConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyConfigurationException()
        : this(string.Empty, null, "The configuration is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The problem.</param>
    public PolicyConfigurationException(string message)
        : this(string.Empty, null, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="filePath">The file at fault.</param>
    /// <param name="line">1-based line, when known.</param>
    /// <param name="problem">What is wrong, in plain words.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PolicyConfigurationException(string filePath, int? line, string problem, Exception? innerException = null)
        : base(Format(filePath, line, problem), innerException)
    {
        FilePath = filePath ?? string.Empty;
        Line = line;
        Problem = problem ?? string.Empty;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Format(string filePath, int? line, string problem)
    {
        string where = string.IsNullOrEmpty(filePath) ? "configuration" : filePath;
        return line is { } l ? $"{where}, line {l}: {problem}" : $"{where}: {problem}";
    }
}
