using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Thrown inside the inspection when a limit is reached. The inspector turns it into an
/// <c>inspection-limit</c> finding at the attachment where it was reached, with <see cref="Limit"/> as the reason;
/// it never leaves the engine.
/// </summary>
public sealed class InspectionLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InspectionLimitException()
        : this("An inspection limit was reached.")
    {
    }

    /// <summary>Creates the exception with a description of the limit.</summary>
    /// <param name="message">Which limit, in plain words.</param>
    public InspectionLimitException(string message)
        : this(FindingReasons.Limit, message)
    {
    }

    /// <summary>Creates the exception with a description and a cause.</summary>
    /// <param name="message">Which limit, in plain words.</param>
    /// <param name="innerException">The cause.</param>
    public InspectionLimitException(string message, Exception innerException)
        : this(FindingReasons.Limit, message, innerException)
    {
    }

    /// <summary>Creates the exception for a named limit.</summary>
    /// <param name="limit">The <see cref="FindingReasons"/> code of the limit.</param>
    /// <param name="message">Which limit, in plain words.</param>
    public InspectionLimitException(string limit, string message)
        : base(message)
    {
        Limit = string.IsNullOrEmpty(limit) ? FindingReasons.Limit : limit;
    }

    /// <summary>Creates the exception for a named limit, with a cause.</summary>
    /// <param name="limit">The <see cref="FindingReasons"/> code of the limit.</param>
    /// <param name="message">Which limit, in plain words.</param>
    /// <param name="innerException">The cause.</param>
    public InspectionLimitException(string limit, string message, Exception? innerException)
        : base(message, innerException)
    {
        Limit = string.IsNullOrEmpty(limit) ? FindingReasons.Limit : limit;
    }

    /// <summary>The <see cref="FindingReasons"/> code of the limit reached.</summary>
    public string Limit { get; }

    /// <summary>
    /// Where the limit was reached (<c>attachment:…</c>), set by the innermost attachment the exception passes
    /// through; <see langword="null"/> when it was reached outside any attachment.
    /// </summary>
    public string? Location { get; internal set; }
}
