using System;

namespace SecureMailGate.Exchange;

/// <summary>
/// Writes an error straight to the Windows Application Event Log under the source the installer registers
/// ("SecureMailGate"), for problems that may have switched off the agent's own logging (a missing or broken
/// NLog.config). Does nothing outside .NET Framework, and never throws.
/// </summary>
internal static class EventLogAlarm
{
    /// <summary>The Event Log source the installer registers.</summary>
    public const string Source = "SecureMailGate";

    /// <summary>Event id of configuration errors raised this way.</summary>
    public const int EventId = 1001;

    /// <summary>Writes <paramref name="message"/> as an error event.</summary>
    public static void Raise(string message)
    {
#if NETFRAMEWORK
        try
        {
            System.Diagnostics.EventLog.WriteEntry(Source, message, System.Diagnostics.EventLogEntryType.Error, EventId);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or System.Security.SecurityException)
        {
            // The source is not registered or the log is full: the agent log has the same line.
        }
#else
        _ = message ?? throw new ArgumentNullException(nameof(message));
#endif
    }
}
