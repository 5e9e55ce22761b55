using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads text attachments (<c>.txt</c>, <c>.csv</c>, <c>.log</c>, any <c>text/*</c>) whose bytes really are text.</summary>
public sealed class PlainTextAttachmentReader : IAttachmentReader
{
    /// <inheritdoc />
    public bool CanRead(AttachmentProbe probe)
    {
        if (probe is null)
        {
            throw new ArgumentNullException(nameof(probe));
        }

        bool declaredText = probe.MediaType.StartsWith("text/", StringComparison.Ordinal)
            || probe.Extension is ".txt" or ".csv" or ".log" or ".tsv";
        return declaredText && TextSniffer.LooksLikeText(probe.Head.Span);
    }

    /// <inheritdoc />
    public void Read(Stream content, AttachmentContext context)
    {
        if (content is null || context is null)
        {
            throw new ArgumentNullException(content is null ? nameof(content) : nameof(context));
        }

        using TextReader text = TextSniffer.OpenText(content);
        context.ScanText(text);
    }
}
