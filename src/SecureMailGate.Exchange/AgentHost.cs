using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Exchange.Data.Transport;
using NLog;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;
using SecureMailGate.Logging;

namespace SecureMailGate.Exchange;

/// <summary>
/// Everything the agents of one transport process share: the policy monitor, the loggers and the clock.
/// Created once by the factory from the agent's own folder.
/// </summary>
internal sealed class AgentHost : IDisposable
{
    /// <summary>Name of the policy file in the agent's folder.</summary>
    public const string ConfigFileName = "securemailgate.json";

    /// <summary>Name of the NLog configuration in the agent's folder.</summary>
    public const string LogConfigFileName = "NLog.config";

    /// <summary>Logger that receives the audit JSON lines.</summary>
    public const string AuditLoggerName = "SecureMailGate.Audit";

    /// <summary>Logger of the agent's own operation.</summary>
    public const string AgentLoggerName = "SecureMailGate.Agent";

    /// <summary>How often a broken audit trail is checked again (from message traffic).</summary>
    public static readonly TimeSpan AuditTrailRecheckInterval = TimeSpan.FromMinutes(1);

    private readonly Func<SmtpServer, INoticeSubmitter> noticeSubmitterFor;
    private readonly IDisposable? owned;
    private readonly InspectionIsolation? isolation;

    public AgentHost(PolicyMonitor monitor, ILogger log, ILogger audit, TimeProvider clock, Func<SmtpServer, INoticeSubmitter> noticeSubmitterFor, IDisposable? owned = null, AuditTrailGuard? auditTrail = null, InspectionIsolation? isolation = null)
    {
        this.isolation = isolation;
        AuditTrail = auditTrail ?? AuditTrailGuard.AlwaysWritable(log);
        Monitor = monitor ?? throw new ArgumentNullException(nameof(monitor));
        Log = log ?? throw new ArgumentNullException(nameof(log));
        Audit = audit ?? throw new ArgumentNullException(nameof(audit));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.noticeSubmitterFor = noticeSubmitterFor ?? throw new ArgumentNullException(nameof(noticeSubmitterFor));
        this.owned = owned;
    }

    public PolicyMonitor Monitor { get; }

    /// <summary>The inspection worker pool the engines use, or null for a host built without one.</summary>
    public InspectionIsolation? Isolation => isolation;

    public ILogger Log { get; }

    public ILogger Audit { get; }

    public TimeProvider Clock { get; }

    /// <summary>Whether the audit trail can be written; while it cannot, messages follow the failure mode.</summary>
    public AuditTrailGuard AuditTrail { get; }

    /// <summary>How long a changed configuration or accredited list may go unnoticed; bounds file stats on the hot path.</summary>
    public static readonly TimeSpan ConfigurationRecheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>Builds the host for an agent installed in <paramref name="folder"/>.</summary>
    public static AgentHost FromFolder(string folder)
    {
        var logs = new AgentLogFactories(Path.Combine(folder, LogConfigFileName));
        var log = logs.Operational.GetLogger(AgentLoggerName);
        var clock = TimeProvider.System;
        // Attachments, TNEF and RTF are inspected in worker processes (inspection.isolation, default "process"): a
        // parser that overflows its stack or balloons ends its worker, never the Transport service.
        var isolation = new InspectionIsolation(line => log.Warn("{WorkerEvent}", line));
        var monitor = new PolicyMonitor(
            Path.Combine(folder, ConfigFileName),
            PolicyConfigurationLoader.LoadFile,
            options => new CoreEngine(options, clock, isolation.For(options, clock)),
            log,
            ConfigurationRecheckInterval,
            clock,
            logs.Audit.GetLogger(AuditLoggerName));
        log.Info("SecureMailGate agent starting from {Folder}.", folder);
        // Load the policy and check the audit trail now, so a problem is reported when transport starts rather than
        // at the first message.
        _ = monitor.Current;
        var auditTrail = new AuditTrailGuard(() => AuditTrailCheck.Problems(logs.Audit, AuditLoggerName), log, clock, AuditTrailRecheckInterval, EventLogAlarm.Raise);
        return new AgentHost(monitor, log, logs.Audit.GetLogger(AuditLoggerName), clock, server => new SmtpServerNoticeSubmitter(server), logs, auditTrail, isolation);
    }

    /// <summary>Creates an agent for <paramref name="server"/>, first taking in its accepted domains.</summary>
    public SecureMailGateAgent CreateAgent(SmtpServer server)
    {
        try
        {
            Monitor.SetAcceptedDomains(AcceptedDomainsOf(server));
        }
        catch (Exception ex)
        {
            Log.Warn(ex, "Exchange's accepted domains could not be read; only internalDomains from the configuration count as internal: {Problem}", ex.Message);
        }

        var processor = new MessageProcessor(() => Monitor.Current, noticeSubmitterFor(server), Log, Audit, Clock, () => AuditTrail.Problem);
        return new SecureMailGateAgent(processor, Log);
    }

    public void Dispose()
    {
        isolation?.Dispose();
        owned?.Dispose();
    }

    private static IEnumerable<string> AcceptedDomainsOf(SmtpServer server)
    {
        // Authoritative and internal-relay domains are the organisation; external-relay domains are not.
        return server.AcceptedDomains.Where(d => d.IsInCorporation).Select(d => d.NameSpecification).ToList();
    }
}
