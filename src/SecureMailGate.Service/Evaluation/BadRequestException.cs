using System;

namespace SecureMailGate.Service.Evaluation;

/// <summary>The request cannot be evaluated as sent (answered 400); the message says what was wrong, never what the message held.</summary>
public sealed class BadRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BadRequestException()
    {
    }

    /// <summary>Creates the exception with the problem.</summary>
    /// <param name="message">What is wrong with the request.</param>
    public BadRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the problem and its cause.</summary>
    /// <param name="message">What is wrong with the request.</param>
    /// <param name="innerException">The cause.</param>
    public BadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
