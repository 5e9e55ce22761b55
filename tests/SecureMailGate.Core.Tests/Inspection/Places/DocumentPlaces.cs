using System.Collections.Generic;
using System.IO;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using W = DocumentFormat.OpenXml.Wordprocessing;
using WP = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace SecureMailGate.Core.Tests.Inspection.Places;

/// <summary>Documents that hide text in places other than their body: built through the Open XML SDK or by hand.</summary>
internal static class DocumentPlaces
{
    /// <summary>A letter whose body is innocuous and whose <paramref name="place"/> holds <paramref name="text"/>.</summary>
    public static byte[] Docx(string place, string text)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            var body = new W.Body(new W.Paragraph(new W.Run(new W.Text("Please see the picture."))));
            switch (place)
            {
                case "image alt text":
                    body.Append(new W.Paragraph(new W.Run(new W.Drawing(new WP.Inline(new WP.DocProperties { Id = 1U, Name = "Picture 1", Description = text })))));
                    break;
                case "image title":
                    body.Append(new W.Paragraph(new W.Run(new W.Drawing(new WP.Inline(new WP.DocProperties { Id = 1U, Name = "Picture 1", Title = text })))));
                    break;
                case "field instruction":
                    body.Append(new W.Paragraph(
                        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
                        new W.Run(new W.FieldCode(" HYPERLINK \"https://records.example/?q=" + text + "\" ") { Space = SpaceProcessingModeValues.Preserve }),
                        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
                        new W.Run(new W.Text("the record")),
                        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End })));
                    break;
                case "simple field":
                    body.Append(new W.Paragraph(new W.SimpleField(new W.Run(new W.Text("see"))) { Instruction = " AUTHOR \"" + text + "\" " }));
                    break;
                case "title":
                    doc.PackageProperties.Title = text;
                    break;
                case "subject":
                    doc.PackageProperties.Subject = text;
                    break;
                case "keywords":
                    doc.PackageProperties.Keywords = text;
                    break;
                case "description":
                    doc.PackageProperties.Description = text;
                    break;
            }

            main.Document = new W.Document(body);
        }

        return ms.ToArray();
    }

    /// <summary>A workbook with one innocuous sheet, whose <paramref name="place"/> holds <paramref name="text"/>.</summary>
    public static byte[] Xlsx(string place, string text)
    {
        byte[] workbook = AttachmentFixtures.Xlsx((place == "sheet name" ? text : "Stock", new List<string[]> { new[] { "Item", "Count" }, new[] { "Gloves", "#12" } }));
        if (place == "sheet name")
        {
            return workbook;
        }

        using var ms = new MemoryStream();
        ms.Write(workbook, 0, workbook.Length);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            WorkbookPart wb = doc.WorkbookPart!;
            WorksheetPart sheet = wb.WorksheetParts.GetEnumerator() is var e && e.MoveNext() ? e.Current : throw new InvalidDataException();
            switch (place)
            {
                case "defined name":
                    wb.Workbook.Append(new DefinedNames(new DefinedName("Stock!$A$1") { Name = "Patient_" + text.Replace(' ', '_') }));
                    break;
                case "page header":
                    sheet.Worksheet.Append(new HeaderFooter(new OddHeader(text)));
                    break;
                case "cell comment":
                    WorksheetCommentsPart comments = sheet.AddNewPart<WorksheetCommentsPart>();
                    comments.Comments = new Comments(
                        new Authors(new Author("Ward clerk")),
                        new CommentList(new Comment(new CommentText(new Run(new Text(text)))) { Reference = "B2", AuthorId = 0U }));
                    break;
            }

            wb.Workbook.Save();
            sheet.Worksheet.Save();
        }

        return ms.ToArray();
    }

    /// <summary>A one-page PDF with innocuous page text, whose <paramref name="place"/> holds <paramref name="text"/>.</summary>
    public static byte[] Pdf(string place, string text)
    {
        string s = "(" + text + ")";
        string catalog = place == "form field" ? "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>" : "<< /Type /Catalog /Pages 2 0 R >>";
        string annots = place == "annotation" ? " /Annots [6 0 R]" : string.Empty;
        const string content = "BT /F1 12 Tf 72 700 Td (Referral form) Tj ET";
        var objects = new List<string>
        {
            catalog,
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>" + annots + " >>",
            "<< /Length " + content.Length + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            place == "form field"
                ? "<< /FT /Tx /T (patient) /Kids [7 0 R] >>"
                : "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents " + s + " >>",
            "<< /FT /Tx /T (nhs) /V " + s + " /Parent 6 0 R >>",
            "<< /Title " + s + " >>",
        };
        return AttachmentFixtures.HandWrittenPdf(objects, place == "document info" ? "/Info 8 0 R" : string.Empty);
    }
}
