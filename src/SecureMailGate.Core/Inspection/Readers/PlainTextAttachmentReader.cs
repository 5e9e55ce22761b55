using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads text attachments (<c>.txt</c>, <c>.log</c>, <c>.xml</c>, any <c>text/*</c>; CSV goes to
/// <see cref="CsvAttachmentReader"/> first) whose bytes really are text, in the encoding <c>TextSniffer</c> detects.
/// </summary>
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
            || probe.Extension is ".txt" or ".csv" or ".log" or ".tsv" or ".xml";
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
