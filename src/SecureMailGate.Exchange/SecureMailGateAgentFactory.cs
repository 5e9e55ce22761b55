using System;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;

namespace SecureMailGate.Exchange;

/// <summary>
/// The type registered with <c>Install-TransportAgent -TransportAgentFactory SecureMailGate.Exchange.SecureMailGateAgentFactory</c>.
/// Reads the policy (<c>securemailgate.json</c>) and logging (<c>NLog.config</c>) from the agent's own folder and
/// creates one <see cref="SecureMailGateAgent"/> per request from transport.
/// </summary>
public sealed class SecureMailGateAgentFactory : RoutingAgentFactory
{
    private readonly AgentHost host;

    /// <summary>Called by Exchange transport.</summary>
    public SecureMailGateAgentFactory()
    {
        var folder = Path.GetDirectoryName(typeof(SecureMailGateAgentFactory).Assembly.Location) ?? AppDomain.CurrentDomain.BaseDirectory;
        // Before anything touches MimeKit, NLog or System.Text.Json: transport has no binding redirects for them.
        AgentAssemblyResolver.Install(folder);
        host = CreateHost(folder);
    }

    internal SecureMailGateAgentFactory(AgentHost host)
    {
        this.host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <summary>Creates an agent for the given transport server.</summary>
    /// <param name="server">The transport server the agent runs in.</param>
    public override RoutingAgent CreateAgent(SmtpServer server)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        return host.CreateAgent(server);
    }

    /// <summary>Releases the log files.</summary>
    public override void Close()
    {
        host.Dispose();
        base.Close();
    }

    // Separate, not inlined: its body is what first loads the dependencies, after the resolver is in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AgentHost CreateHost(string folder) => AgentHost.FromFolder(folder);
}
