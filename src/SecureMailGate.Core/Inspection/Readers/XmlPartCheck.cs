using System;
using System.IO;
using System.Xml;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Keeps hostile XML inside Open XML packages away from anything that recurses. The Open XML SDK builds its DOM
/// (workbook.xml, presentation.xml) with one call per element level, so a part nested 2,000 elements deep (29 KB)
/// overflows a 1 MB transport-thread stack; and a DOCTYPE has no place in Open XML (ECMA-376 forbids it) but is the
/// carrier of entity-expansion bombs. Every part is therefore read through a streaming <see cref="XmlReader"/> with
/// these rules first — parts the SDK loads as a DOM by a full pass before the SDK sees them, parts this engine
/// streams itself by the same rules while it reads them — and a part nested deeper than <see cref="MaxDepth"/> or
/// carrying a DOCTYPE is an <see cref="InspectionLimitException"/>: the message counts as sensitive.
/// <see cref="XmlReader"/> itself keeps its element stack on the heap, so the check cannot overflow.
/// </summary>
internal static class XmlPartCheck
{
    /// <summary>
    /// Deepest element nesting accepted. Real documents stay far below it: a Word body nests paragraph, run and text
    /// inside tables, content controls and text boxes (drawing, anchor, graphic, shape, text box content) a few dozen
    /// levels at most, tables nested in tables add three levels each, and SpreadsheetML and PresentationML are
    /// flatter still. At 256 levels the SDK's recursive load uses a small fraction of a 1 MB stack.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Reader settings for untrusted Open XML: no resolver (nothing outside the part is ever fetched), DTDs parsed only
    /// so that <see cref="Read"/> can see the DOCTYPE and refuse the part before any entity is used.
    /// </summary>
    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Reads the next node, like <see cref="XmlReader.Read"/>, refusing a DOCTYPE and over-deep nesting.</summary>
    /// <param name="reader">A reader created with <see cref="Settings"/>.</param>
    /// <returns>False at the end of the part.</returns>
    /// <exception cref="InspectionLimitException">The part has a DOCTYPE or nests deeper than <see cref="MaxDepth"/>.</exception>
    public static bool Read(XmlReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        if (!reader.Read())
        {
            return false;
        }

        if (reader.NodeType == XmlNodeType.DocumentType)
        {
            throw new InspectionLimitException(FindingReasons.Doctype, "An Open XML part declares a DOCTYPE.");
        }

        if (reader.Depth > MaxDepth)
        {
            throw new InspectionLimitException(FindingReasons.TooDeep, $"An Open XML part nests elements more than {MaxDepth} deep.");
        }

        return true;
    }

    /// <summary>Reads a whole part by these rules, keeping nothing: the pass before a part is handed to the SDK.</summary>
    /// <param name="part">The part's content (already charged to the budget by its stream); disposed.</param>
    /// <exception cref="InspectionLimitException">The part has a DOCTYPE or nests too deep.</exception>
    /// <exception cref="XmlException">The part is not well-formed XML.</exception>
    public static void Check(Stream part)
    {
        if (part is null)
        {
            throw new ArgumentNullException(nameof(part));
        }

        using XmlReader reader = XmlReader.Create(part, Settings());
        while (Read(reader))
        {
        }
    }
}
