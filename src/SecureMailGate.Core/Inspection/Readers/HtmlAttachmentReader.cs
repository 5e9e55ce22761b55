using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads <c>.htm</c> / <c>.html</c> attachments as text (tags removed, entities decoded).</summary>
public sealed class HtmlAttachmentReader : AttachmentReader
{
    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return (probe.MediaType == "text/html" || probe.Extension is ".htm" or ".html")
            && TextSniffer.LooksLikeText(probe.Head.Span);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using var text = new HtmlTextReader(TextSniffer.OpenText(content));
        context.ScanText(text);
    }
}
