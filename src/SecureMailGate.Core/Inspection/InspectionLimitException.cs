using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Thrown inside the inspection when a limit is reached. The inspector turns it into an
/// <c>inspection-limit</c> finding; it never leaves the engine.
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
        : base(message)
    {
    }

    /// <summary>Creates the exception with a description and a cause.</summary>
    /// <param name="message">Which limit, in plain words.</param>
    /// <param name="innerException">The cause.</param>
    public InspectionLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
