using System;
using System.Collections.Generic;
using System.IO;

namespace SecureMailGate.Core;

/// <summary>
/// What a host hands the engine: the envelope (never header display names) and the message as a MIME stream.
/// The engine reads the stream once and does not dispose it.
/// </summary>
public sealed class MessageEnvelope
{
    /// <summary>Creates an envelope.</summary>
    /// <param name="sender">Envelope sender (MAIL FROM); null or empty for the null reverse-path.</param>
    /// <param name="recipients">Envelope recipients (RCPT TO), in order.</param>
    /// <param name="mime">The whole message as MIME; readable; read once.</param>
    public MessageEnvelope(string? sender, IReadOnlyList<string> recipients, Stream mime)
    {
        Recipients = recipients ?? throw new ArgumentNullException(nameof(recipients));
        Mime = mime ?? throw new ArgumentNullException(nameof(mime));
        if (!mime.CanRead)
        {
            throw new ArgumentException("The MIME stream must be readable.", nameof(mime));
        }

        Sender = string.IsNullOrEmpty(sender) ? null : sender;
    }

    /// <summary>Envelope sender; null for the null reverse-path.</summary>
    public string? Sender { get; }

    /// <summary>Envelope recipients in order.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>The message as MIME.</summary>
    public Stream Mime { get; }

    /// <summary>
    /// The Message-ID when the host already knows it; used only to say which message a log line is about (e.g. when
    /// an inspection worker fails). The verdict's id always comes from the message itself.
    /// </summary>
    public string? MessageId { get; init; }
}
