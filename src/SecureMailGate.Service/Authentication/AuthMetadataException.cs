using System;

namespace SecureMailGate.Service.Authentication;

/// <summary>Exchange's authentication metadata could not be had or read; the message says where and what to check.</summary>
public sealed class AuthMetadataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuthMetadataException()
    {
    }

    /// <summary>Creates the exception with the problem.</summary>
    /// <param name="message">What is wrong and what to check.</param>
    public AuthMetadataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the problem and its cause.</summary>
    /// <param name="message">What is wrong and what to check.</param>
    /// <param name="innerException">The cause.</param>
    public AuthMetadataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
