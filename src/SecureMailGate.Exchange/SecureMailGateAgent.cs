using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Routing;
using NLog;

namespace SecureMailGate.Exchange;

/// <summary>
/// The routing agent. It acts in OnResolvedMessage, after recipient resolution, so members of distribution groups
/// are decided one by one; OnRoutedMessage only catches copies split off by Fork that do not carry the stamp
/// (see deploy/README.md, "How the agent works"). The inspection runs off the transport thread under the agent's
/// async context, and no exception ever leaves a handler.
/// </summary>
public sealed class SecureMailGateAgent : RoutingAgent
{
    private readonly MessageProcessor processor;
    private readonly ILogger log;
    private readonly Func<AgentAsyncContext> acquireAsyncContext;
    private readonly Action<Action> runInBackground;

    internal SecureMailGateAgent(MessageProcessor processor, ILogger log, Func<AgentAsyncContext>? acquireAsyncContext = null, Action<Action>? runInBackground = null)
    {
        this.processor = processor ?? throw new ArgumentNullException(nameof(processor));
        this.log = log ?? throw new ArgumentNullException(nameof(log));
        this.acquireAsyncContext = acquireAsyncContext ?? GetAgentAsyncContext;
        this.runInBackground = runInBackground ?? (work => Task.Run(work));
        OnResolvedMessage += HandleResolvedMessage;
        OnRoutedMessage += HandleRoutedMessage;
    }

    internal void HandleResolvedMessage(ResolvedMessageEventSource source, QueuedMessageEventArgs e) => Dispatch(source, e, source);

    internal void HandleRoutedMessage(RoutedMessageEventSource source, QueuedMessageEventArgs e) => Dispatch(source, e, null);

    private void Dispatch(QueuedMessageEventSource source, QueuedMessageEventArgs e, ResolvedMessageEventSource? routing)
    {
        AgentAsyncContext? context = null;
        var completed = 0;
        void CompleteOnce()
        {
            if (context is not null && Interlocked.Exchange(ref completed, 1) == 0)
            {
                context.Complete();
            }
        }

        try
        {
            var mailItem = e.MailItem;
            // Another agent may have removed every recipient already (all agents on an event are called).
            if (mailItem.Recipients.Count == 0)
            {
                return;
            }

            context = acquireAsyncContext();
            runInBackground(() =>
            {
                try
                {
                    context.Resume();
                    processor.Process(source, mailItem, routing);
                }
                catch (Exception ex)
                {
                    Report(ex);
                }
                finally
                {
                    CompleteOnce();
                }
            });
        }
        catch (Exception ex)
        {
            Report(ex);
            try
            {
                CompleteOnce();
            }
            catch (Exception inner)
            {
                Report(inner);
            }
        }
    }

    private void Report(Exception ex)
    {
        try
        {
            log.Error(ex, "SecureMailGate agent error outside message processing: {Problem}", ex.Message);
        }
        catch (Exception)
        {
            // Never let an exception reach transport: an unhandled agent exception crashes the transport service.
        }
    }
}
