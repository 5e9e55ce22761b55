using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads <c>.htm</c> / <c>.html</c> attachments as text (tags removed, entities decoded).</summary>
public sealed class HtmlAttachmentReader : IAttachmentReader
{
    /// <inheritdoc />
    public bool CanRead(AttachmentProbe probe)
    {
        if (probe is null)
        {
            throw new ArgumentNullException(nameof(probe));
        }

        return (probe.MediaType == "text/html" || probe.Extension is ".htm" or ".html")
            && TextSniffer.LooksLikeText(probe.Head.Span);
    }

    /// <inheritdoc />
    public void Read(Stream content, AttachmentContext context)
    {
        if (content is null || context is null)
        {
            throw new ArgumentNullException(content is null ? nameof(content) : nameof(context));
        }

        using var text = new HtmlTextReader(TextSniffer.OpenText(content));
        context.ScanText(text);
    }
}
