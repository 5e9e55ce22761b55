using System;
using System.Collections.Generic;
using MimeKit;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Every input that used to take the gateway down (or slip past it as merely unreadable), as an e-mail to an
/// external recipient, with the finding that must now explain the verdict.
/// </summary>
internal static class HostileCorpus
{
    public static IEnumerable<HostileCase> Cases()
    {
        // RTF is now read to its end without recursion: the identifier itself is found.
        yield return new("rtf attachment, 5,000 chained control words", () => Attach("letter.rtf", HostileRtf.Bytes(HostileRtf.ChainedControlWords(5_000))), FindingKinds.NhsNumber);
        yield return new("rtf attachment, 100,000 chained control words", () => Attach("letter.rtf", HostileRtf.Bytes(HostileRtf.ChainedControlWords(100_000))), FindingKinds.NhsNumber);
        yield return new("text/rtf body, 5,000 chained control words", () => RtfBody(HostileRtf.ChainedControlWords(5_000)), FindingKinds.NhsNumber);
        yield return new("winmail.dat compressed RTF, 5,000 chained control words", () => Attach("winmail.dat", HostileTnef.WithCompressedRtf(HostileRtf.ChainedControlWords(5_000))), FindingKinds.NhsNumber);
        yield return new("rtf attachment, 100,000 nested groups", () => Attach("letter.rtf", HostileRtf.Bytes(HostileRtf.NestedGroups(100_000))), FindingKinds.InspectionLimit);
        yield return new("text/rtf body, 100,000 nested groups", () => RtfBody(HostileRtf.NestedGroups(100_000)), FindingKinds.InspectionLimit);
        yield return new("winmail.dat compressed RTF, 100,000 nested groups", () => Attach("winmail.dat", HostileTnef.WithCompressedRtf(HostileRtf.NestedGroups(100_000))), FindingKinds.InspectionLimit);

        yield return new("xlsx, workbook.xml 2,000 deep", () => Attach("list.xlsx", HostileOpenXml.NestDeep(HostileOpenXml.Xlsx(), "xl/workbook.xml", 2_000)), FindingKinds.InspectionLimit);
        yield return new("xlsx, sharedStrings.xml 2,000 deep", () => Attach("list.xlsx", HostileOpenXml.NestDeep(HostileOpenXml.Xlsx(), "xl/sharedStrings.xml", 2_000)), FindingKinds.InspectionLimit);
        yield return new("pptx, presentation.xml 2,000 deep", () => Attach("slides.pptx", HostileOpenXml.NestDeep(HostileOpenXml.Pptx(), "ppt/presentation.xml", 2_000)), FindingKinds.InspectionLimit);
        yield return new("docx, document.xml 2,000 deep", () => Attach("letter.docx", HostileOpenXml.NestDeep(HostileOpenXml.Docx(), "word/document.xml", 2_000)), FindingKinds.InspectionLimit);
        yield return new("xlsx, workbook.xml with a DOCTYPE", () => Attach("list.xlsx", HostileOpenXml.BillionLaughs(HostileOpenXml.Xlsx(), "xl/workbook.xml")), FindingKinds.InspectionLimit);
        yield return new("docx, [Content_Types].xml with a DOCTYPE", () => Attach("letter.docx", HostileOpenXml.BillionLaughs(HostileOpenXml.Docx(), "[Content_Types].xml")), FindingKinds.InspectionLimit);
        yield return new("docx, document.xml with a billion-laughs DOCTYPE", () => Attach("letter.docx", HostileOpenXml.BillionLaughs(HostileOpenXml.Docx(), "word/document.xml")), FindingKinds.InspectionLimit);

        yield return new("pdf, /Resources 6 0 R <-> 7 0 R", () => Attach("results.pdf", HostilePdf.ResourcesCycle()), FindingKinds.InspectionLimit);
        yield return new("pdf, /Resources 6 0 R <-> 7 0 R inside an object stream only PdfPig decodes", () => Attach("results.pdf", HostilePdf.ResourcesCycleInObjectStream()), FindingKinds.InspectionLimit);
        yield return new("pdf, 1,000-deep array in the page", () => Attach("results.pdf", HostilePdf.DeepArray(1_000)), FindingKinds.InspectionLimit);
        yield return new("pdf, object stream that /Extends itself", () => Attach("results.pdf", HostilePdf.ObjectStreamExtendingItself()), FindingKinds.InspectionLimit);
        yield return new("pdf, form XObject that draws itself", () => Attach("results.pdf", HostilePdf.FormDrawingItself()), FindingKinds.InspectionLimit);
    }

    private static MimeMessage Attach(string name, byte[] content) => Gate.Message("Please see attached.", (name, content));

    private static MimeMessage RtfBody(string rtf)
    {
        MimeMessage message = Gate.Message(string.Empty);
        message.Body = new TextPart("rtf") { Text = rtf };
        return message;
    }
}
