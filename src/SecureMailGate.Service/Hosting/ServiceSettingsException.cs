using System;

namespace SecureMailGate.Service.Hosting;

/// <summary>The service cannot start as configured; the message says which setting to fix and how.</summary>
public sealed class ServiceSettingsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServiceSettingsException()
    {
    }

    /// <summary>Creates the exception with the plain-English problem.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ServiceSettingsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the problem and its cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public ServiceSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
