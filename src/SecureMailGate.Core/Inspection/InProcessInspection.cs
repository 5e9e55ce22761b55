using System;
using System.IO;
using System.Threading;
using MimeKit;

namespace SecureMailGate.Core.Inspection;

/// <summary>Inspection in the calling process: MimeKit parses, <see cref="MessageInspector"/> inspects. Thread-safe.</summary>
public sealed class InProcessInspection : IMessageInspection
{
    private readonly MessageInspector _inspector;

    /// <summary>Wraps an inspector.</summary>
    /// <param name="inspector">The inspector for the policy in force.</param>
    public InProcessInspection(MessageInspector inspector)
    {
        _inspector = inspector ?? throw new ArgumentNullException(nameof(inspector));
    }

    /// <inheritdoc/>
    public InspectedMessage Inspect(Stream mime, string? messageId, CancellationToken cancellationToken)
    {
        if (mime is null)
        {
            throw new ArgumentNullException(nameof(mime));
        }

        return _inspector.InspectMime(mime, cancellationToken);
    }

    /// <inheritdoc/>
    public InspectedMessage Inspect(MimeMessage message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        return new InspectedMessage(InspectedMessage.Bracketed(message.MessageId), _inspector.Inspect(message, cancellationToken));
    }
}
