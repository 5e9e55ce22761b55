using System;
using System.IO;
using NLog;

namespace SecureMailGate.Exchange;

/// <summary>
/// The agent's own NLog factories, loaded from its folder (never NLog's global LogManager, which other agents in
/// the same transport process may use). The audit factory throws when a record cannot be written, so a broken
/// audit trail follows the failure mode instead of passing silently (POLICY §5).
/// </summary>
internal sealed class AgentLogFactories : IDisposable
{
    public AgentLogFactories(string configPath)
    {
        Operational = Create(configPath, throwExceptions: false);
        Audit = Create(configPath, throwExceptions: true);
    }

    public LogFactory Operational { get; }

    public LogFactory Audit { get; }

    public void Dispose()
    {
        Operational.Dispose();
        Audit.Dispose();
    }

    private static LogFactory Create(string configPath, bool throwExceptions)
    {
        // Writing may throw for the audit trail; a mistake in NLog.config never does, so it cannot stop transport.
        var factory = new LogFactory { ThrowExceptions = throwExceptions, ThrowConfigExceptions = false };
        if (File.Exists(configPath))
        {
            factory.Setup().LoadConfigurationFromFile(configPath, optional: true);
        }

        return factory;
    }
}
