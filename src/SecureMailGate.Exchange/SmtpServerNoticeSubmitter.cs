using System;
using System.IO;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Email;

namespace SecureMailGate.Exchange;

/// <summary>
/// Submits notices through the transport server the agent runs in (<see cref="SmtpServer.SubmitMessage"/>):
/// no pickup folder to configure, no SMTP connection, and the message goes through the normal pipeline, where
/// the agent recognises it by its stamp and leaves it alone.
/// </summary>
internal sealed class SmtpServerNoticeSubmitter : INoticeSubmitter
{
    private readonly SmtpServer server;

    public SmtpServerNoticeSubmitter(SmtpServer server)
    {
        this.server = server ?? throw new ArgumentNullException(nameof(server));
    }

    public void Submit(byte[] mime)
    {
        // Transport takes the message over on submission, so it is not disposed here.
#pragma warning disable CA2000 // Ownership passes to transport with SubmitMessage.
        var message = EmailMessage.Create(new MemoryStream(mime, writable: false));
#pragma warning restore CA2000
        server.SubmitMessage(message);
    }
}
