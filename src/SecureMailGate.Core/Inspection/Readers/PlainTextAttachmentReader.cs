using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads text attachments (<c>.txt</c>, <c>.log</c>, <c>.xml</c>, any <c>text/*</c>; CSV goes to
/// <see cref="CsvAttachmentReader"/> first) whose bytes really are text, in the encoding <c>TextSniffer</c> detects,
/// and, as the last reader, any other attachment whose content is text whatever its name or declared type
/// (<c>.json</c>, <c>.md</c>, <c>.dat</c>, no name, <c>application/octet-stream</c>), so text is never skipped
/// for its label.
/// </summary>
public sealed class PlainTextAttachmentReader : AttachmentReader
{
    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        bool declaredText = probe.MediaType.StartsWith("text/", StringComparison.Ordinal)
            || probe.Extension is ".txt" or ".csv" or ".log" or ".tsv" or ".xml";
        return declaredText ? TextSniffer.LooksLikeText(probe.Head.Span) : TextSniffer.IsTextByContent(probe.Head.Span);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using TextReader text = TextSniffer.OpenText(content);
        context.ScanText(text);
    }
}
