using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads CSV and TSV attachments as tables: the first row is the header, and a context keyword in a column header
/// makes every value in that column <c>high</c> however far down (POLICY §2). Encoding as for plain text (BOMs,
/// UTF-16 without BOM, UTF-8, else Latin-1). Streamed: memory is one row, in one reused character buffer with no string per field (fields cut at 1 Mi characters; a row of more than 16,384 fields or 4 Mi characters is an inspection limit).
/// </summary>
public sealed class CsvAttachmentReader : AttachmentReader
{
    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        bool declared = probe.Extension is ".csv" or ".tsv"
            || probe.MediaType is "text/csv" or "text/tab-separated-values" or "application/csv";
        return declared && TextSniffer.LooksLikeText(probe.Head.Span);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using TextReader text = TextSniffer.OpenText(content);
        context.ScanTableRows(CsvRows.Read(text));
    }
}
