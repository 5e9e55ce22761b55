using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Text of Word, Excel and PowerPoint packages. The Open XML SDK opens the package and finds the parts
/// (relationships, sheet and slide order); each part's XML is then streamed with <see cref="XmlReader"/> through a
/// stream that charges the budget and checks the part's real expansion ratio, so a large document is never
/// loaded as a DOM and a lying part size cannot inflate without limit. Every XML part passes <see cref="XmlPartCheck"/>
/// (no DOCTYPE, nesting at most <see cref="XmlPartCheck.MaxDepth"/>) before the SDK parses it: the package's content
/// types and relationships before the package is opened, workbook.xml and presentation.xml before their DOM is
/// loaded, and the parts streamed here while they are read.
/// Word: runs of a paragraph are joined without separators, so a number split across runs reads whole.
/// Excel: each sheet is a table whose first non-empty row is the header (<see cref="AttachmentContext.ScanTable"/>);
/// numeric cells are written as the decimal number they hold (<c>9434765919</c>, never <c>9.434765919E9</c>).
/// </summary>
internal static class OpenXmlText
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int MaxColumns = 16384;
    private const int ValueChunkChars = 4096;

    private const int FlushChars = 16 * 1024;

    /// <summary>The document kind, when the archive is an Open XML package; otherwise null.</summary>
    public static OpenXmlKind? KindOf(ZipDirectory directory)
    {
        if (directory.Find("[Content_Types].xml") is null)
        {
            return null;
        }

        foreach (ZipDirectoryEntry entry in directory.Entries)
        {
            if (entry.Name.StartsWith("word/", StringComparison.Ordinal))
            {
                return OpenXmlKind.Wordprocessing;
            }

            if (entry.Name.StartsWith("xl/", StringComparison.Ordinal))
            {
                return OpenXmlKind.Spreadsheet;
            }

            if (entry.Name.StartsWith("ppt/", StringComparison.Ordinal))
            {
                return OpenXmlKind.Presentation;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the package's text into <paramref name="context"/>. Returns false, having scanned nothing, when the SDK
    /// cannot open it as that kind of document (the caller then reads it as a plain archive).
    /// </summary>
    public static bool TryRead(OpenXmlKind kind, MemoryStream package, ZipDirectory directory, AttachmentContext context)
    {
        package.Position = 0;
        var settings = new OpenSettings
        {
            // The SDK's own DOM loads (workbook.xml, presentation.xml) stay within what the message may still cost.
            MaxCharactersInPart = Math.Max(1, context.Budget.Limits.MaxExpandedBytes - context.Budget.ExpandedBytes),
            AutoSave = false,
        };
        OpenXmlPackage document;
        CheckPartCount(directory, context.Budget);
        try
        {
            CheckPackageStructure(package, directory, context.Budget);
            document = kind switch
            {
                OpenXmlKind.Wordprocessing => WordprocessingDocument.Open(package, false, settings),
                OpenXmlKind.Spreadsheet => SpreadsheetDocument.Open(package, false, settings),
                _ => PresentationDocument.Open(package, false, settings),
            };
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or NotSupportedException or IOException)
        {
            return false;
        }

        using (document)
        {
            var parts = new PartOpener(directory, context.Budget);
            bool read = document switch
            {
                WordprocessingDocument word => ScanParts(WordParts(word), parts, context),
                SpreadsheetDocument workbook => ReadWorkbook(workbook, parts, context),
                PresentationDocument slides => ScanParts(SlideParts(slides, parts), parts, context),
                _ => false,
            };
            if (!read)
            {
                // A package the SDK opens but that has no document in it (damaged relationships): say so, never pass it as clean.
                context.Report(FindingKinds.UnreadableAttachment, Confidence.High, FindingReasons.Damaged);
            }

            ScanProperties(document, parts, context);
            InspectEmbeddings(document, parts, context);
        }

        return true;
    }

    /// <summary>Scans the text of the parts; false when there is not a single part to read.</summary>
    private static bool ScanParts(IEnumerable<OpenXmlPart> documentParts, PartOpener parts, AttachmentContext context)
    {
        bool any = false;
        context.ScanText(new ChunkTextReader(documentParts.SelectMany(p =>
        {
            any = true;
            return Paragraphs(parts.Open(p));
        })));
        return any;
    }

    private static IEnumerable<OpenXmlPart> WordParts(WordprocessingDocument word)
    {
        MainDocumentPart? main = word.MainDocumentPart;
        if (main is null)
        {
            yield break;
        }

        yield return main;
        foreach (HeaderPart header in main.HeaderParts)
        {
            yield return header;
        }

        foreach (FooterPart footer in main.FooterParts)
        {
            yield return footer;
        }

        if (main.FootnotesPart is { } footnotes)
        {
            yield return footnotes;
        }

        if (main.EndnotesPart is { } endnotes)
        {
            yield return endnotes;
        }

        if (main.WordprocessingCommentsPart is { } comments)
        {
            yield return comments;
        }
    }

    private static IEnumerable<OpenXmlPart> SlideParts(PresentationDocument presentation, PartOpener parts)
    {
        PresentationPart? main = presentation.PresentationPart;
        if (main is null)
        {
            yield break;
        }

        // Slide order is the order of the slide id list, not of the parts in the package.
        parts.Check(main);
        IEnumerable<SlidePart> slides = main.Presentation?.SlideIdList?.Elements<SlideId>()
            .Select(id => id.RelationshipId?.Value is { } rid && main.TryGetPartById(rid, out OpenXmlPart? p) ? p as SlidePart : null)
            .Where(p => p is not null)
            .Select(p => p!)
            ?? main.SlideParts;
        foreach (SlidePart slide in slides)
        {
            yield return slide;
            if (slide.NotesSlidePart is { } notes)
            {
                yield return notes;
            }
        }
    }

    /// <summary>Paragraph texts of a WordprocessingML or DrawingML part: runs joined, tabs and breaks kept as whitespace.</summary>
    private static IEnumerable<string> Paragraphs(Stream xml)
    {
        using (xml)
        using (XmlReader reader = XmlReader.Create(xml, XmlPartCheck.Settings()))
        {
            var text = new StringBuilder();
            int inText = 0;
            while (XmlPartCheck.Read(reader))
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        bool word = reader.NamespaceURI == WordNs;
                        bool drawing = reader.NamespaceURI == DrawingNs;
                        AppendAttributes(reader, text);
                        if (!word && !drawing)
                        {
                            break;
                        }

                        string name = reader.LocalName;
                        if (name == "t" || (word && name is "delText" or "instrText" or "delInstrText"))
                        {
                            inText += reader.IsEmptyElement ? 0 : 1;
                        }
                        else if (name == "tab")
                        {
                            text.Append('\t');
                        }
                        else if (name is "br" or "cr")
                        {
                            text.Append('\n');
                        }
                        else if (name == "p" && reader.IsEmptyElement)
                        {
                            text.Append('\n');
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                    case XmlNodeType.Whitespace:
                        if (inText > 0)
                        {
                            AppendValue(reader, text);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (reader.NamespaceURI is WordNs or DrawingNs)
                        {
                            if (reader.LocalName is "t" or "delText" or "instrText" or "delInstrText")
                            {
                                inText = Math.Max(0, inText - 1);
                            }
                            else if (reader.LocalName == "p")
                            {
                                text.Append('\n');
                            }
                        }

                        break;
                }

                // Yield at paragraph ends (and inside a huge paragraph), so memory stays at one paragraph.
                if ((reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "p") || text.Length >= FlushChars)
                {
                    yield return text.ToString();
                    text.Clear();
                }
            }

            if (text.Length > 0)
            {
                yield return text.ToString();
            }
        }
    }

    /// <summary>
    /// Appends the current text node's value without making a string of it: a large document holds millions of text
    /// nodes, and a string each was most of what reading it allocated.
    /// </summary>
    private static void AppendValue(XmlReader reader, StringBuilder text)
    {
        if (!reader.CanReadValueChunk)
        {
            text.Append(reader.Value);
            return;
        }

        char[] chunk = System.Buffers.ArrayPool<char>.Shared.Rent(ValueChunkChars);
        try
        {
            int read;
            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                text.Append(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// Text kept in attributes: an image's or shape's alt text and title (<c>wp:docPr</c>, <c>pic:cNvPr</c>,
    /// <c>p:cNvPr</c>: <c>descr</c>, <c>title</c>), a simple field's instruction (<c>w:fldSimple w:instr</c>) and a
    /// hyperlink's tooltip (<c>w:hyperlink w:tooltip</c>), each on a line of its own.
    /// </summary>
    private static void AppendAttributes(XmlReader reader, StringBuilder text)
    {
        string name = reader.LocalName;
        if (name is "docPr" or "cNvPr")
        {
            AppendAttribute(reader.GetAttribute("descr"), text);
            AppendAttribute(reader.GetAttribute("title"), text);
        }
        else if (reader.NamespaceURI == WordNs && name == "fldSimple")
        {
            AppendAttribute(reader.GetAttribute("instr", WordNs), text);
        }
        else if (reader.NamespaceURI == WordNs && name == "hyperlink")
        {
            AppendAttribute(reader.GetAttribute("tooltip", WordNs), text);
        }
    }

    private static void AppendAttribute(string? value, StringBuilder text)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append('\n').Append(value).Append('\n');
        }
    }

    /// <summary>
    /// Every text node of an XML part, one line each: document properties (core: title, subject, keywords,
    /// description, author; extended: company, manager; custom properties) and spreadsheet comments.
    /// </summary>
    private static IEnumerable<string> AllText(Stream xml)
    {
        using (xml)
        using (XmlReader reader = XmlReader.Create(xml, XmlPartCheck.Settings()))
        {
            while (XmlPartCheck.Read(reader))
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    yield return reader.Value + "\n";
                }
            }
        }
    }

    /// <summary>
    /// The package's document properties: the core ones through the packaging layer (title, subject, keywords,
    /// description, category, author, last author), then the extended (company, manager) and custom property parts.
    /// </summary>
    private static void ScanProperties(OpenXmlPackage document, PartOpener parts, AttachmentContext context)
    {
        var core = document.PackageProperties;
        string coreText = string.Join("\n", new[] { core.Title, core.Subject, core.Keywords, core.Description, core.Category, core.Creator, core.LastModifiedBy, core.ContentStatus, core.Identifier }
            .Where(v => !string.IsNullOrEmpty(v)));
        context.Budget.ChargeCharacters(coreText.Length);
        context.ScanText(coreText);
        IEnumerable<OpenXmlPart> properties = document.Parts
            .Select(pair => pair.OpenXmlPart)
            .Where(part => part is ExtendedFilePropertiesPart or CustomFilePropertiesPart);
        context.ScanText(new ChunkTextReader(properties.SelectMany(p => AllText(parts.Open(p)))));
    }

    private static bool ReadWorkbook(SpreadsheetDocument document, PartOpener parts, AttachmentContext context)
    {
        WorkbookPart? workbook = document.WorkbookPart;
        if (workbook is null)
        {
            return false;
        }

        parts.Check(workbook);
        IReadOnlyList<string> shared = workbook.SharedStringTablePart is { } sst ? SharedStrings(parts.Open(sst)) : Array.Empty<string>();
        IEnumerable<WorksheetPart> sheets = workbook.Workbook?.Sheets?.Elements<Sheet>()
            .Select(s => s.Id?.Value is { } rid && workbook.TryGetPartById(rid, out OpenXmlPart? p) ? p as WorksheetPart : null)
            .Where(p => p is not null)
            .Select(p => p!)
            ?? workbook.WorksheetParts;
        var names = new StringBuilder();
        foreach (Sheet sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? Enumerable.Empty<Sheet>())
        {
            names.Append(sheet.Name?.Value).Append('\n');
        }

        foreach (DefinedName name in workbook.Workbook?.DefinedNames?.Elements<DefinedName>() ?? Enumerable.Empty<DefinedName>())
        {
            names.Append(name.Name?.Value).Append('\t').Append(name.Text).Append('\n');
        }

        context.Budget.ChargeCharacters(names.Length);
        context.ScanText(names.ToString());
        bool any = false;
        foreach (WorksheetPart sheet in sheets)
        {
            // Each sheet is its own table with its own header row; its page headers and footers come after it.
            var side = new StringBuilder();
            context.ScanTable(SheetRows(parts.Open(sheet), shared, side).SkipWhile(IsEmptyRow));
            context.ScanText(side.ToString());
            var comments = new List<OpenXmlPart>();
            if (sheet.WorksheetCommentsPart is { } notes)
            {
                comments.Add(notes);
            }

            comments.AddRange(sheet.WorksheetThreadedCommentsParts);
            context.ScanText(new ChunkTextReader(comments.SelectMany(p => AllText(parts.Open(p)))));
            any = true;
        }

        return any;
    }

    private static bool IsEmptyRow(IReadOnlyList<string> row) => row.All(string.IsNullOrWhiteSpace);

    private static List<string> SharedStrings(Stream xml)
    {
        var strings = new List<string>();
        using (xml)
        using (XmlReader reader = XmlReader.Create(xml, XmlPartCheck.Settings()))
        {
            var item = new StringBuilder();
            bool inText = false;
            int phonetic = 0;
            while (XmlPartCheck.Read(reader))
            {
                bool sheetNs = reader.NamespaceURI == SheetNs;
                if (reader.NodeType == XmlNodeType.Element && sheetNs)
                {
                    if (reader.LocalName == "si")
                    {
                        item.Clear();
                        if (reader.IsEmptyElement)
                        {
                            strings.Add(string.Empty);
                        }
                    }
                    else if (reader.LocalName == "rPh" && !reader.IsEmptyElement)
                    {
                        // Phonetic guides repeat the text in another script; skip them.
                        phonetic++;
                    }
                    else if (reader.LocalName == "t" && !reader.IsEmptyElement)
                    {
                        inText = phonetic == 0;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && sheetNs)
                {
                    if (reader.LocalName == "si")
                    {
                        strings.Add(item.ToString());
                    }
                    else if (reader.LocalName == "rPh")
                    {
                        phonetic--;
                    }
                    else if (reader.LocalName == "t")
                    {
                        inText = false;
                    }
                }
                else if (inText && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    AppendValue(reader, item);
                }
            }
        }

        return strings;
    }

    /// <summary>
    /// Rows of a worksheet, cells placed by their reference (gaps are empty strings). The sheet's page headers and
    /// footers (<c>oddHeader</c> ... <c>firstFooter</c>) go to <paramref name="side"/>, one per line.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> SheetRows(Stream xml, IReadOnlyList<string> shared, StringBuilder side)
    {
        using (xml)
        using (XmlReader reader = XmlReader.Create(xml, XmlPartCheck.Settings()))
        {
            List<string>? row = null;
            string? cellType = null;
            int column = -1;
            var value = new StringBuilder();
            bool inValue = false;
            bool inSide = false;
            while (XmlPartCheck.Read(reader))
            {
                bool sheetNs = reader.NamespaceURI == SheetNs;
                if (reader.NodeType == XmlNodeType.Element && sheetNs)
                {
                    switch (reader.LocalName)
                    {
                        case "row":
                            row = new List<string>();
                            if (reader.IsEmptyElement)
                            {
                                yield return row;
                                row = null;
                            }

                            break;
                        case "c":
                            cellType = reader.GetAttribute("t");
                            column = ColumnOf(reader.GetAttribute("r"), row?.Count ?? 0);
                            value.Clear();
                            break;
                        case "v":
                        case "t":
                            inValue = !reader.IsEmptyElement;
                            break;
                        case "oddHeader" or "oddFooter" or "evenHeader" or "evenFooter" or "firstHeader" or "firstFooter":
                            inSide = !reader.IsEmptyElement;
                            break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && sheetNs)
                {
                    switch (reader.LocalName)
                    {
                        case "v":
                        case "t":
                            inValue = false;
                            break;
                        case "oddHeader" or "oddFooter" or "evenHeader" or "evenFooter" or "firstHeader" or "firstFooter":
                            inSide = false;
                            side.Append('\n');
                            break;
                        case "c" when row is not null && column < MaxColumns:
                            while (row.Count < column)
                            {
                                row.Add(string.Empty);
                            }

                            row.Add(CellText(cellType, value.ToString(), shared));
                            break;
                        case "row" when row is not null:
                            yield return row;
                            row = null;
                            break;
                    }
                }
                else if (inValue && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    AppendValue(reader, value);
                }
                else if (inSide && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    AppendValue(reader, side);
                }
            }
        }
    }

    private static string CellText(string? type, string raw, IReadOnlyList<string> shared)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) && i >= 0 && i < shared.Count ? shared[i] : string.Empty;
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "str":
            case "inlineStr":
            case "e":
                return raw;
            default:
                return FormatNumber(raw);
        }
    }

    /// <summary>
    /// A numeric cell as the number it holds, in plain decimal: Excel stores 9434765919 as <c>9434765919</c> but other
    /// writers use <c>9.434765919E9</c>, and an NHS number must read as its ten digits either way.
    /// </summary>
    internal static string FormatNumber(string raw)
    {
        string trimmed = raw.Trim();
        if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
        {
            // "G29" drops the trailing zeros a decimal keeps from its source ("1.50" stays the value 1.5).
            return d.ToString("G29", CultureInfo.InvariantCulture);
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v.ToString("R", CultureInfo.InvariantCulture)
            : trimmed;
    }

    /// <summary>Zero-based column of a cell reference such as <c>AB12</c>; <paramref name="next"/> when absent.</summary>
    private static int ColumnOf(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        int column = 0;
        foreach (char c in reference!)
        {
            char upper = char.ToUpperInvariant(c);
            if (upper < 'A' || upper > 'Z')
            {
                break;
            }

            column = (column * 26) + (upper - 'A' + 1);
            if (column > MaxColumns)
            {
                return MaxColumns;
            }
        }

        return column == 0 ? next : column - 1;
    }

    /// <summary>Files embedded in the document (a workbook inside a letter): inspected like archive entries.</summary>
    private static void InspectEmbeddings(OpenXmlPackage document, PartOpener parts, AttachmentContext context)
    {
        var seen = new HashSet<Uri>();
        foreach (OpenXmlPart part in document.GetAllParts())
        {
            if (part.Uri.OriginalString.IndexOf("/embeddings/", StringComparison.OrdinalIgnoreCase) < 0 || !seen.Add(part.Uri))
            {
                continue;
            }

            string name = part.Uri.OriginalString.Substring(part.Uri.OriginalString.LastIndexOf('/') + 1);
            using Stream content = parts.Open(part);
            context.InspectNested(name, content);
        }
    }

    /// <summary>
    /// Refuses a package with more parts in its ZIP central directory than <see cref="Policy.InspectionLimits.MaxEntries"/>
    /// before the SDK opens it: opening indexes every part up front (60,000 parts took 24 s), before any budget check.
    /// </summary>
    /// <exception cref="InspectionLimitException">Too many parts.</exception>
    private static void CheckPartCount(ZipDirectory directory, InspectionBudget budget)
    {
        if (directory.Entries.Count > budget.Limits.MaxEntries)
        {
            throw new InspectionLimitException(FindingReasons.TooManyEntries, $"An Open XML package has more than {budget.Limits.MaxEntries} parts.");
        }

        budget.CheckTime();
    }

    /// <summary>
    /// Checks the parts the packaging layer parses when the package is opened (content types and relationships), so
    /// a hostile one is a limit rather than something the SDK meets first. They are small; each is read once more.
    /// </summary>
    private static void CheckPackageStructure(MemoryStream package, ZipDirectory directory, InspectionBudget budget)
    {
        package.Position = 0;
        using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            budget.CheckTime();
            if (entry.FullName != "[Content_Types].xml" && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            long compressed = directory.Find(entry.FullName) is { CompressedSize: var c and not 0xFFFFFFFF } ? c : entry.CompressedLength;
            XmlPartCheck.Check(new RatioLimitedStream(new BudgetedStream(entry.Open(), budget), compressed, budget));
        }

        package.Position = 0;
    }

    /// <summary>Opens parts through ratio checks against the compressed sizes in the ZIP directory.</summary>
    private sealed class PartOpener
    {
        private readonly ZipDirectory _directory;
        private readonly InspectionBudget _budget;

        public PartOpener(ZipDirectory directory, InspectionBudget budget)
        {
            _directory = directory;
            _budget = budget;
        }

        /// <summary>Runs <see cref="XmlPartCheck"/> over a part the SDK is about to load as a DOM.</summary>
        public void Check(OpenXmlPart part) => XmlPartCheck.Check(Open(part));

        public Stream Open(OpenXmlPart part)
        {
            _budget.CheckTime();
            Stream raw = part.GetStream(FileMode.Open, FileAccess.Read);
            string entryName = part.Uri.OriginalString.TrimStart('/');
            long compressed = _directory.Find(entryName) is { CompressedSize: var c and not 0xFFFFFFFF } ? c : long.MaxValue / 1024;
            return new RatioLimitedStream(new BudgetedStream(raw, _budget), compressed, _budget);
        }
    }
}
