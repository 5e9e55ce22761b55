using System;
using System.IO;
using MimeKit;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads attached <c>.eml</c> files (and <c>message/rfc822</c> content met inside archives) as whole messages.</summary>
public sealed class MessageAttachmentReader : IAttachmentReader
{
    /// <inheritdoc />
    public bool CanRead(AttachmentProbe probe)
    {
        if (probe is null)
        {
            throw new ArgumentNullException(nameof(probe));
        }

        return (probe.MediaType == "message/rfc822" || probe.Extension == ".eml") && TextSniffer.LooksLikeText(probe.Head.Span);
    }

    /// <inheritdoc />
    public void Read(Stream content, AttachmentContext context)
    {
        if (content is null || context is null)
        {
            throw new ArgumentNullException(content is null ? nameof(content) : nameof(context));
        }

        MimeMessage message = MimeMessage.Load(MessageInspector.ParserOptions, content);
        context.InspectMessage(message);
    }
}
