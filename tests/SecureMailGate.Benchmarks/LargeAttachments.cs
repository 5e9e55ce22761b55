using System;
using System.Globalization;
using System.IO;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// Generates large attachments of realistic content (clinic prose, a patient list) at about a target file size,
/// deterministically (fixed seed). Each holds one valid NHS number under its keyword near its end, so a finding proves
/// that the engine read the file to its end. Compressed formats (docx, xlsx) are sized by their file, so they hold
/// several times their size in XML.
/// </summary>
internal static class LargeAttachments
{
    /// <summary>The valid NHS number placed near the end of every file.</summary>
    public const string NhsNumber = "943 476 5919";

    private static readonly string[] Words =
    {
        "patient", "seen", "clinic", "review", "daughter", "mobility", "improved", "since", "last", "continue",
        "current", "medication", "weeks", "discharged", "ward", "nurse", "consultant", "referral", "letter", "pain",
        "reported", "blood", "pressure", "stable", "follow", "up", "appointment", "community", "team", "physio",
        "advised", "rest", "fluids", "bloods", "taken", "results", "normal", "plan", "agreed", "with", "family",
        "and", "the", "to", "of", "in", "for", "on", "at", "is", "was", "no", "further", "action", "required",
    };

    private static readonly string[] Surnames = { "Shah", "Okafor", "Smith", "Jones", "Patel", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Khan" };

    private static readonly string[] Forenames = { "Priya", "Amara", "Tom", "Jane", "Ravi", "Sarah", "David", "Emma", "Oliver", "Grace", "Yusuf", "Ann" };

    /// <summary>Plain UTF-8 clinic prose of about <paramref name="bytes"/> bytes.</summary>
    /// <param name="bytes">The size wanted.</param>
    /// <returns>The file.</returns>
    public static GeneratedFile Text(int bytes)
    {
        string text = Prose(bytes);
        return new GeneratedFile(Encoding.UTF8.GetBytes(text), text.Length);
    }

    /// <summary>
    /// A UTF-8 patient list of about <paramref name="bytes"/> bytes with an "NHS Number" column: a hospital number in
    /// most rows, a valid NHS number once every thousand rows, a quoted note holding a comma.
    /// </summary>
    /// <param name="bytes">The size wanted.</param>
    /// <returns>The file.</returns>
    public static GeneratedFile Csv(int bytes)
    {
        var sb = new StringBuilder(bytes + 256);
        sb.Append("Surname,Forename,NHS Number,Hospital No,Ward,Notes\r\n");
        var random = new Random(20);
        foreach (string[] row in PatientRows(random))
        {
            if (sb.Length >= bytes - 256)
            {
                break;
            }

            sb.Append(row[0]).Append(',').Append(row[1]).Append(',').Append(row[2]).Append(',').Append(row[3]).Append(',')
                .Append(row[4]).Append(",\"").Append(row[5]).Append("\"\r\n");
        }

        sb.Append("Last,Patient,").Append(NhsNumber).Append(",RX0000000,Ward 1,\"End, of list\"\r\n");
        return new GeneratedFile(Encoding.UTF8.GetBytes(sb.ToString()), sb.Length);
    }

    /// <summary>A Word document of about <paramref name="bytes"/> bytes of file: paragraphs of clinic prose.</summary>
    /// <param name="bytes">The file size wanted.</param>
    /// <returns>The file.</returns>
    public static GeneratedFile Docx(int bytes) => Calibrated(bytes, 3.0, DocxOfText);

    /// <summary>An Excel workbook of about <paramref name="bytes"/> bytes of file: the patient list of <see cref="Csv"/>, inline strings.</summary>
    /// <param name="bytes">The file size wanted.</param>
    /// <returns>The file.</returns>
    public static GeneratedFile Xlsx(int bytes) => Calibrated(bytes, 6.0, XlsxOfText);

    /// <summary>
    /// A PDF of about <paramref name="bytes"/> bytes: <see cref="PdfTextChars"/> characters of clinic prose on A4 pages
    /// of 50 lines in Helvetica (about 1,100 pages, just under the reader's fixed cap of 5,000,000 glyphs per document,
    /// above which the rest is an inspection limit by design), the rest of the size in eight scanned-page images
    /// (JPEG data, which no text reader decodes), as a large real PDF holds scans.
    /// </summary>
    /// <param name="bytes">The file size wanted.</param>
    /// <returns>The file.</returns>
    public static GeneratedFile Pdf(int bytes)
    {
        GeneratedFile text = PdfOfText(PdfTextChars, Array.Empty<byte[]>());
        int scans = 8;
        int scanBytes = Math.Max(0, (bytes - text.Bytes.Length) / scans);
        var random = new Random(7);
        var images = new byte[scans][];
        for (int i = 0; i < scans; i++)
        {
            images[i] = ScanImage(scanBytes, random);
        }

        return PdfOfText(PdfTextChars, images);
    }

    /// <summary>Characters of text in the generated PDF.</summary>
    public const int PdfTextChars = 4_500_000;

    /// <summary>Generates with a guessed amount of text, then once more scaled to the size that came out.</summary>
    private static GeneratedFile Calibrated(int bytes, double textPerFileByte, Func<int, GeneratedFile> generate)
    {
        int guess = (int)(bytes * textPerFileByte) / 20;
        GeneratedFile first = generate(guess);
        return generate((int)((double)bytes * guess / first.Bytes.Length));
    }

    private static string Prose(int chars)
    {
        var sb = new StringBuilder(chars + 256);
        var random = new Random(12);
        int line = 0;
        while (sb.Length < chars - 64)
        {
            int words = 8 + random.Next(10);
            for (int w = 0; w < words; w++)
            {
                sb.Append(w == 0 ? string.Empty : " ").Append(Words[random.Next(Words.Length)]);
            }

            if (++line % 7 == 0)
            {
                sb.Append(" on ").Append(1 + random.Next(28)).Append('/').Append(1 + random.Next(12)).Append("/2024");
            }

            sb.Append(".\n");
        }

        sb.Append("NHS number ").Append(NhsNumber).Append(".\n");
        return sb.ToString();
    }

    private static System.Collections.Generic.IEnumerable<string[]> PatientRows(Random random)
    {
        for (int i = 0; ; i++)
        {
            string nhs = i % 1000 == 999 ? "943 476 5919" : string.Empty;
            yield return new[]
            {
                Surnames[random.Next(Surnames.Length)],
                Forenames[random.Next(Forenames.Length)],
                nhs,
                "RX" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
                "Ward " + random.Next(1, 30).ToString(CultureInfo.InvariantCulture),
                Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)] + ", " + Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)],
            };
        }
    }

    private static GeneratedFile DocxOfText(int textChars)
    {
        string text = Prose(textChars);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartElement(new W.Document());
            writer.WriteStartElement(new W.Body());
            foreach (string paragraph in text.Split('\n'))
            {
                writer.WriteElement(new W.Paragraph(new W.Run(new W.Text(paragraph) { Space = SpaceProcessingModeValues.Preserve })));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return new GeneratedFile(ms.ToArray(), text.Length);
    }

    private static GeneratedFile XlsxOfText(int textChars)
    {
        using var ms = new MemoryStream();
        long written = 0;
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart wb = doc.AddWorkbookPart();
            WorksheetPart ws = wb.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(ws))
            {
                writer.WriteStartElement(new S.Worksheet());
                writer.WriteStartElement(new S.SheetData());
                WriteRow(writer, new[] { "Surname", "Forename", "NHS Number", "Hospital No", "Ward", "Notes" });
                var random = new Random(20);
                foreach (string[] row in PatientRows(random))
                {
                    if (written >= textChars)
                    {
                        break;
                    }

                    WriteRow(writer, row);
                    foreach (string cell in row)
                    {
                        written += cell.Length + 1;
                    }
                }

                WriteRow(writer, new[] { "Last", "Patient", NhsNumber, "RX0000000", "Ward 1", "End, of list" });
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            wb.Workbook = new S.Workbook(new S.Sheets(new S.Sheet { Name = "Patients", SheetId = 1, Id = wb.GetIdOfPart(ws) }));
        }

        return new GeneratedFile(ms.ToArray(), written);
    }

    private static void WriteRow(OpenXmlWriter writer, string[] cells)
    {
        writer.WriteStartElement(new S.Row());
        foreach (string cell in cells)
        {
            if (cell.Length > 0)
            {
                writer.WriteElement(new S.Cell(new S.InlineString(new S.Text(cell))) { DataType = S.CellValues.InlineString });
            }
            else
            {
                writer.WriteElement(new S.Cell());
            }
        }

        writer.WriteEndElement();
    }

    private static GeneratedFile PdfOfText(int textChars, byte[][] scans)
    {
        string text = Prose(textChars);
        string[] lines = text.Split('\n');
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder? page = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (i % 50 == 0)
            {
                page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            }

            page!.AddText(lines[i], 9, new PdfPoint(25, 800 - (15 * (i % 50))), font);
        }

        foreach (byte[] scan in scans)
        {
            builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddJpeg(scan, new PdfRectangle(0, 0, 595, 842));
        }

        return new GeneratedFile(builder.Build(), text.Length);
    }

    /// <summary>
    /// A baseline JPEG of about <paramref name="bytes"/> bytes: a valid header (2480 × 3508, a page scanned at 300 dpi)
    /// and random entropy-coded data, which is what a scan's bytes look like to anything that does not decode it.
    /// </summary>
    private static byte[] ScanImage(int bytes, Random random)
    {
        byte[] head =
        {
            0xFF, 0xD8, // SOI
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0D, 0xB4, 0x09, 0xB0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, // SOF0
            0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, // SOS
        };
        byte[] jpeg = new byte[Math.Max(bytes, head.Length + 2)];
        head.CopyTo(jpeg, 0);
        random.NextBytes(jpeg.AsSpan(head.Length, jpeg.Length - head.Length - 2));
        for (int i = head.Length; i < jpeg.Length - 2; i++)
        {
            jpeg[i] = jpeg[i] == 0xFF ? (byte)0xFE : jpeg[i];
        }

        jpeg[^2] = 0xFF;
        jpeg[^1] = 0xD9; // EOI
        return jpeg;
    }
}
