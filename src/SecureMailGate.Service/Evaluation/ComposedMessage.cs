using System;
using System.Collections.Generic;
using MimeKit;

namespace SecureMailGate.Service.Evaluation;

/// <summary>A message to evaluate: the MIME the gateway would see, and its envelope.</summary>
public sealed class ComposedMessage : IDisposable
{
    /// <summary>Creates the message.</summary>
    /// <param name="message">The MIME message (owned: disposed with this).</param>
    /// <param name="sender">The envelope sender.</param>
    /// <param name="recipients">Every recipient (To, Cc and Bcc), in order.</param>
    public ComposedMessage(MimeMessage message, string? sender, IReadOnlyList<string> recipients)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Recipients = recipients ?? throw new ArgumentNullException(nameof(recipients));
        Sender = sender;
    }

    /// <summary>The MIME message.</summary>
    public MimeMessage Message { get; }

    /// <summary>The envelope sender.</summary>
    public string? Sender { get; }

    /// <summary>The envelope recipients.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>The subject as the sender wrote it (empty when none).</summary>
    public string Subject => Message.Subject ?? string.Empty;

    /// <inheritdoc />
    public void Dispose() => Message.Dispose();
}
