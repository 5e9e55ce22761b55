using System;
using System.IO;
using MimeKit;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads attached <c>.eml</c> files (and <c>message/rfc822</c> content met inside archives) as whole messages.</summary>
public sealed class MessageAttachmentReader : AttachmentReader
{
    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return (probe.MediaType == "message/rfc822" || probe.Extension == ".eml") && TextSniffer.LooksLikeText(probe.Head.Span);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        MimeMessage message = MimeMessage.Load(MessageInspector.ParserOptions, content);
        context.InspectMessage(message);
    }
}
