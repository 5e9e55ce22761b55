namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Which Open XML document a ZIP package holds.</summary>
internal enum OpenXmlKind
{
    /// <summary>A Word document (<c>.docx</c>, <c>.docm</c>, <c>.dotx</c>).</summary>
    Wordprocessing,

    /// <summary>An Excel workbook (<c>.xlsx</c>, <c>.xlsm</c>).</summary>
    Spreadsheet,

    /// <summary>A PowerPoint presentation (<c>.pptx</c>).</summary>
    Presentation,
}
