using System;
using System.Collections.Generic;
using NLog;
using NLog.Config;

namespace SecureMailGate.Logging;

/// <summary>
/// Checks that an NLog configuration really writes the audit trail (POLICY §5): a rule sends the audit logger at
/// level Info to a synchronous file target whose folder exists (or can be created) and can be written. The CLI
/// (<c>securemailgate config validate</c>) checks an <c>NLog.config</c> file; the Exchange agent checks the
/// <see cref="LogFactory"/> it built from that file. Both run the same checks and get the same plain-English
/// problems, one line each with the next step; an empty list means the audit trail is in order.
/// </summary>
/// <remarks>
/// A target whose type this build of NLog cannot create (for example <c>EventLog</c>, which NLog 6 has only in its
/// .NET Framework build) is skipped when no audit rule writes to it, so the file can be checked on any machine;
/// when the audit logger does write to it, that is reported.
/// </remarks>
public static class AuditTrailCheck
{
    /// <summary>The logger name the agent writes audit records to.</summary>
    public const string DefaultAuditLoggerName = "SecureMailGate.Audit";

    /// <summary>
    /// Loads an NLog configuration file the way NLog would (with a private <see cref="LogFactory"/>, never NLog's
    /// global <see cref="LogManager"/>) and checks its audit trail. Nothing is logged and no file is left behind.
    /// </summary>
    /// <param name="nlogConfigPath">The <c>NLog.config</c> file. <c>${nlogdir}</c> in it is read as this file's
    /// folder, because the agent's NLog.dll sits beside its NLog.config.</param>
    /// <param name="auditLoggerName">The audit logger's name.</param>
    /// <returns>The problems, one plain-English line each naming the file (and line, when known); empty when none.</returns>
    /// <exception cref="ArgumentException">A path or logger name is missing.</exception>
    public static IReadOnlyList<string> Problems(string nlogConfigPath, string auditLoggerName = DefaultAuditLoggerName)
    {
        RequireText(nlogConfigPath, nameof(nlogConfigPath));
        RequireText(auditLoggerName, nameof(auditLoggerName));

        NLogConfigFile file = NLogConfigFile.Read(nlogConfigPath);
        if (file.Problem is { } unreadable)
        {
            return new[] { unreadable };
        }

        using var factory = new LogFactory { ThrowConfigExceptions = true };
        LoggingConfiguration configuration;
        try
        {
            configuration = file.Load(factory);
        }
        catch (NLogConfigurationException ex)
        {
            return new[] { file.Describe(null, $"NLog cannot load this logging configuration: {NLogConfigFile.Message(ex)}; correct the file, or start again from the NLog.config that ships with SecureMailGate.") };
        }

        return AuditRoute.Problems(configuration, auditLoggerName, file.Describe, file.StandIns);
    }

    /// <summary>
    /// Checks the audit trail of a factory that has already loaded its configuration, such as the agent's audit
    /// factory. <c>${nlogdir}</c> is what NLog makes of it in this process.
    /// </summary>
    /// <param name="logFactory">The factory whose <see cref="LogFactory.Configuration"/> is checked.</param>
    /// <param name="auditLoggerName">The audit logger's name.</param>
    /// <returns>The problems, one plain-English line each; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logFactory"/> is null.</exception>
    /// <exception cref="ArgumentException">The logger name is missing.</exception>
    public static IReadOnlyList<string> Problems(LogFactory logFactory, string auditLoggerName = DefaultAuditLoggerName)
    {
        if (logFactory is null)
        {
            throw new ArgumentNullException(nameof(logFactory));
        }

        RequireText(auditLoggerName, nameof(auditLoggerName));
        LoggingConfiguration? configuration = logFactory.Configuration;
        const string source = "NLog.config";
        if (configuration is null)
        {
            return new[] { $"{source}: no logging configuration is loaded, so there is no audit trail; put NLog.config (as shipped with SecureMailGate) beside the agent." };
        }

        return AuditRoute.Problems(configuration, auditLoggerName, (_, problem) => $"{source}: {problem}", new Dictionary<string, string>());
    }

    private static void RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", name);
        }
    }
}
