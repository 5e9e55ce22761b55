using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads the text layer of PDF files with PdfPig, recognised by <c>%PDF-</c> in the first 1 KiB (where readers
/// accept it) whatever their name. A PDF with an <c>/Encrypt</c> dictionary gives an <c>encrypted-attachment</c>
/// finding; its text is still read when the empty user password opens it. A PDF whose pages carry no text at all
/// (a scan) gives <c>unreadable-attachment</c>: it is never passed as clean without a word read. Beside the pages,
/// the document information, form-field values and annotations are read (<see cref="PdfSideText"/>).
/// Memory: the file is copied into memory (PdfPig seeks), at most the budget's remaining
/// <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>; the text of one page is held at a time, and every
/// extracted character is charged to the budget too. Every stream PdfPig decodes goes through
/// <see cref="BudgetedPdfFilters"/>, so a decompression bomb inside the PDF is an inspection limit, not an allocation.
/// Structure: <see cref="PdfStructureCheck"/> first refuses reference cycles and nesting deeper than
/// <see cref="PdfStructureCheck.MaxNesting"/> that PdfPig would follow until the stack overflows (an inspection limit),
/// and PdfPig then runs on a thread with a <see cref="StackThread.LargeStackBytes"/> stack.
/// Glyphs: PdfPig keeps about 360 bytes per glyph and builds a page's glyphs in one step, so before any page is built
/// <see cref="PdfGlyphEstimate"/> bounds each page's glyphs from its content streams: over <see cref="MaxPageGlyphs"/>
/// is an inspection limit, and so is a page that would take the document past <see cref="MaxDocumentGlyphs"/>. The
/// glyphs PdfPig did build are counted against both caps too, and the time budget is checked between pages.
/// </summary>
public sealed class PdfAttachmentReader : AttachmentReader
{
    /// <summary>
    /// Most glyphs on one page (about 90 MB inside PdfPig): over ten times a page of 6-point text, and well beyond
    /// what a dense drawing labels.
    /// </summary>
    public const int MaxPageGlyphs = 250_000;

    /// <summary>Most glyphs in one document: some 2,500 dense pages, about 7 s of PdfPig's work.</summary>
    public const int MaxDocumentGlyphs = 5_000_000;

    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("%PDF-");
    private static readonly byte[] EncryptKey = Encoding.ASCII.GetBytes("/Encrypt");

    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        ReadOnlySpan<byte> head = probe.Head.Span;
        return head.Slice(0, Math.Min(head.Length, 1024)).IndexOf(Signature) >= 0;
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using MemoryStream buffer = BoundedBuffer.ReadAll(content, context.Budget);
        bool encrypted = HasEncryptDictionary(buffer.GetBuffer(), (int)buffer.Length);
        if (encrypted)
        {
            context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
        }

        // PdfPig follows references and nesting recursively: what would loop or go too deep is refused before it
        // runs, and it runs on a large stack of its own as a second fence.
        PdfStructureCheck structure = PdfStructureCheck.Check(buffer.GetBuffer(), (int)buffer.Length, encrypted, context.Budget);
        StackThread.Run(() => ReadDocument(buffer, context, encrypted, structure));
    }

    private static void ReadDocument(MemoryStream buffer, AttachmentContext context, bool encrypted, PdfStructureCheck structure)
    {
        var filters = new BudgetedPdfFilters(context.Budget, structure: structure);
        try
        {
            using PdfDocument document = PdfDocument.Open(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = filters });
            filters.ThrowIfTripped();
            if (document.IsEncrypted && !encrypted)
            {
                context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
                encrypted = true;
            }

            IReadOnlyList<long> estimates = EstimateGlyphs(document, filters, context.Budget);
            filters.ThrowIfTripped();
            var found = new TextFound();
            context.ScanText(new ChunkTextReader(PageTexts(document, context.Budget, filters, estimates, found)));
            filters.ThrowIfTripped();
            context.ScanText(new ChunkTextReader(PdfSideText.Read(document, context.Budget)));
            filters.ThrowIfTripped();
            if (document.NumberOfPages > 0 && !found.Any && !encrypted)
            {
                // Pages but no text layer: a scanned letter the detectors cannot see into.
                context.Report(FindingKinds.UnreadableAttachment, Confidence.High, FindingReasons.NoText);
            }
        }
        catch (Exception ex) when (filters.Tripped is not null && ex is not InspectionLimitException and not OperationCanceledException)
        {
            // PdfPig wrapped the limit a filter reached (or failed after swallowing it): the limit is the outcome.
            throw new InspectionLimitException(FindingReasons.Of(filters.Tripped), filters.Tripped.Message, ex);
        }
        catch (Exception ex) when (encrypted && ex is not InspectionLimitException and not OperationCanceledException)
        {
            // Needs a password: the encrypted-attachment finding already says why nothing was read.
        }
    }

    /// <summary>
    /// Whether the file has an encryption dictionary: the key <c>/Encrypt</c> followed by a reference (<c>7 0 R</c>)
    /// or a dictionary (<c>&lt;&lt;</c>). A byte scan rather than a parse, so that a damaged or exotic file that
    /// PdfPig refuses is still recognised as encrypted; <c>/EncryptMetadata</c> does not match.
    /// </summary>
    internal static bool HasEncryptDictionary(byte[] data, int length)
    {
        ReadOnlySpan<byte> span = new ReadOnlySpan<byte>(data, 0, length);
        int offset = 0;
        while (offset < span.Length)
        {
            int i = span.Slice(offset).IndexOf(EncryptKey);
            if (i < 0)
            {
                return false;
            }

            int after = offset + i + EncryptKey.Length;
            while (after < span.Length && span[after] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C or 0)
            {
                after++;
            }

            if (after < span.Length && ((span[after] >= (byte)'0' && span[after] <= (byte)'9') || (span[after] == (byte)'<' && after + 1 < span.Length && span[after + 1] == (byte)'<')))
            {
                return true;
            }

            offset = after;
        }

        return false;
    }

    /// <summary>
    /// Each page's glyph bound (<see cref="PdfGlyphEstimate"/>); a page over <see cref="MaxPageGlyphs"/> is a limit.
    /// A page tree too damaged to walk gives no bounds: the glyphs PdfPig builds are still counted.
    /// </summary>
    private static IReadOnlyList<long> EstimateGlyphs(PdfDocument document, BudgetedPdfFilters filters, InspectionBudget budget)
    {
        try
        {
            return PdfGlyphEstimate.OfPages(document, filters, budget, MaxPageGlyphs);
        }
        catch (Exception ex) when (ex is not InspectionLimitException and not OperationCanceledException && filters.Tripped is null)
        {
            return Array.Empty<long>();
        }
    }

    /// <summary>Refuses a page that would take the document past <see cref="MaxDocumentGlyphs"/>, or a page that did.</summary>
    private static void CheckGlyphs(long documentGlyphs, long pageGlyphs)
    {
        if (pageGlyphs > MaxPageGlyphs)
        {
            throw new InspectionLimitException(FindingReasons.TooManyGlyphs, $"A PDF page draws more than {MaxPageGlyphs} glyphs.");
        }

        if (documentGlyphs + pageGlyphs > MaxDocumentGlyphs)
        {
            throw new InspectionLimitException(FindingReasons.TooManyGlyphs, $"A PDF draws more than {MaxDocumentGlyphs} glyphs.");
        }
    }

    private static IEnumerable<string> PageTexts(PdfDocument document, InspectionBudget budget, BudgetedPdfFilters filters, IReadOnlyList<long> estimates, TextFound found)
    {
        long glyphs = 0;
        for (int n = 1; n <= document.NumberOfPages; n++)
        {
            budget.CheckTime();
            CheckGlyphs(glyphs, n <= estimates.Count ? estimates[n - 1] : 0);
            Page page = document.GetPage(n);
            CheckGlyphs(glyphs, page.Letters.Count);
            glyphs += page.Letters.Count;
            string text = ContentOrderTextExtractor.GetText(page);
            filters.ThrowIfTripped();
            budget.ChargeCharacters(text.Length);
            if (!found.Any && !string.IsNullOrWhiteSpace(text))
            {
                found.Any = true;
            }

            yield return text;
            yield return "\n";
        }
    }

    private sealed class TextFound
    {
        public bool Any { get; set; }
    }
}
