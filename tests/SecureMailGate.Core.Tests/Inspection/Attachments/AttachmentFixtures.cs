using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>Builds attachment files in memory: real documents through their libraries, encrypted containers by hand.</summary>
internal static class AttachmentFixtures
{
    /// <summary>A Word document; each paragraph is a list of runs.</summary>
    public static byte[] Docx(params string[][] paragraphs)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            var body = new W.Body();
            foreach (string[] runs in paragraphs)
            {
                body.Append(new W.Paragraph(runs.Select(r => new W.Run(new W.Text(r) { Space = SpaceProcessingModeValues.Preserve }))));
            }

            main.Document = new W.Document(body);
        }

        return ms.ToArray();
    }

    /// <summary>A workbook; each sheet's cells are strings (shared strings) or raw numeric values prefixed with '#'.</summary>
    public static byte[] Xlsx(params (string Name, IEnumerable<string[]> Rows)[] sheets)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            Sheets sheetList = wb.Workbook.AppendChild(new Sheets());
            SharedStringTablePart sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            uint sheetId = 1;
            foreach ((string name, IEnumerable<string[]> rows) in sheets)
            {
                WorksheetPart ws = wb.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 1;
                foreach (string[] cells in rows)
                {
                    var row = new Row { RowIndex = r };
                    for (int c = 0; c < cells.Length; c++)
                    {
                        if (cells[c].Length == 0)
                        {
                            continue;
                        }

                        string reference = ((char)('A' + c)).ToString() + r;
                        if (cells[c].StartsWith('#'))
                        {
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(cells[c].Substring(1)) });
                        }
                        else
                        {
                            if (!index.TryGetValue(cells[c], out int i))
                            {
                                i = index.Count;
                                index[cells[c]] = i;
                                sst.SharedStringTable.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(cells[c])));
                            }

                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                        }
                    }

                    data.Append(row);
                    r++;
                }

                ws.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = sheetId++, Name = name });
            }
        }

        return ms.ToArray();
    }

    /// <summary>A presentation with one slide per text.</summary>
    public static byte[] Pptx(params string[] slides)
    {
        using var ms = new MemoryStream();
        using (var doc = PresentationDocument.Create(ms, PresentationDocumentType.Presentation))
        {
            PresentationPart pp = doc.AddPresentationPart();
            pp.Presentation = new P.Presentation();
            var ids = new P.SlideIdList();
            uint id = 256;
            foreach (string text in slides)
            {
                SlidePart slide = pp.AddNewPart<SlidePart>();
                slide.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(new P.Shape(
                    new P.TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(text))))))));
                ids.Append(new P.SlideId { Id = id++, RelationshipId = pp.GetIdOfPart(slide) });
            }

            pp.Presentation.SlideIdList = ids;
        }

        return ms.ToArray();
    }

    /// <summary>A one-page PDF whose text layer holds <paramref name="text"/>; null for a page with only a drawing (a "scan").</summary>
    public static byte[] Pdf(string? text)
    {
        var builder = new PdfDocumentBuilder();
        PdfPageBuilder page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        if (text is null)
        {
            page.DrawRectangle(new PdfPoint(50, 50), 200, 100);
        }
        else
        {
            PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
            page.AddText(text, 12, new PdfPoint(25, 700), font);
        }

        return builder.Build();
    }

    /// <summary>A hand-written PDF with an RC4 <c>/Encrypt</c> dictionary in its trailer (the password is not empty).</summary>
    public static byte[] EncryptedPdf()
    {
        string hex32 = string.Concat(Enumerable.Repeat("A1B2C3D4", 8));
        return HandWrittenPdf(
            new[]
            {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length 16 >>\nstream\n0123456789ABCDEF\nendstream",
                $"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hex32}> /U <{hex32}> >>",
            },
            $"/Encrypt 5 0 R /ID [<{hex32}> <{hex32}>]");
    }

    /// <summary>
    /// A one-page hand-written PDF whose content stream is <paramref name="spaces"/> spaces (valid, empty page
    /// content), FlateDecode-compressed: a decompression bomb of about 1000:1.
    /// </summary>
    public static byte[] FlateBombPdf(long spaces)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            byte[] chunk = Enumerable.Repeat((byte)' ', 1 << 20).ToArray();
            for (long left = spaces; left > 0; left -= chunk.Length)
            {
                zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }

        string data = Encoding.GetEncoding(28591).GetString(compressed.ToArray());
        return HandWrittenPdf(
            new[]
            {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                $"<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n{data}\nendstream",
            },
            string.Empty);
    }

    /// <summary>A one-page hand-written PDF whose content stream is <paramref name="length"/> bytes declared /LZWDecode.</summary>
    public static byte[] LzwPdf(int length)
    {
        string data = new string('\u0080', length);
        return HandWrittenPdf(
            new[]
            {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                $"<< /Length {data.Length} /Filter /LZWDecode >>\nstream\n{data}\nendstream",
            },
            string.Empty);
    }

    /// <summary>
    /// A PDF written by hand: objects 1..n in order (object 1 the catalog), an xref table and a trailer with
    /// <paramref name="trailerExtra"/>. Strings are Latin-1, so binary stream data passes through byte for byte.
    /// </summary>
    internal static byte[] HandWrittenPdf(IReadOnlyList<string> objects, string trailerExtra)
    {
        var sb = new StringBuilder("%PDF-1.6\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        int xref = sb.Length;
        sb.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (int o in offsets)
        {
            sb.Append(o.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        sb.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R ").Append(trailerExtra).Append(" >>\nstartxref\n")
            .Append(xref).Append("\n%%EOF\n");
        return Encoding.GetEncoding(28591).GetBytes(sb.ToString());
    }

    /// <summary>A ZIP archive with the given entries.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(content, 0, content.Length);
            }
        }

        return ms.ToArray();
    }

    /// <summary>A ZIP holding one entry of <paramref name="zeros"/> zero bytes, compressed on the fly (a classic bomb).</summary>
    public static byte[] ZeroBomb(string entryName, long zeros)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream s = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
            byte[] chunk = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= chunk.Length)
            {
                s.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }

        return ms.ToArray();
    }

    /// <summary>Sets general-purpose bit 0 (encrypted) on every local and central header, as a password-protecting zip tool does.</summary>
    public static byte[] MarkEncrypted(byte[] zip)
    {
        byte[] copy = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= copy.Length; i++)
        {
            uint sig = BitConverter.ToUInt32(copy, i);
            if (sig == 0x04034b50)
            {
                copy[i + 6] |= 1;
            }
            else if (sig == 0x02014b50)
            {
                copy[i + 8] |= 1;
            }
        }

        return copy;
    }

    /// <summary>Rewrites every declared uncompressed size to the compressed size: a bomb that lies about itself.</summary>
    public static byte[] LieAboutSizes(byte[] zip)
    {
        byte[] copy = (byte[])zip.Clone();
        for (int i = 0; i + 30 <= copy.Length; i++)
        {
            uint sig = BitConverter.ToUInt32(copy, i);
            if (sig == 0x04034b50)
            {
                Array.Copy(copy, i + 18, copy, i + 22, 4);
            }
            else if (sig == 0x02014b50)
            {
                Array.Copy(copy, i + 20, copy, i + 24, 4);
            }
        }

        return copy;
    }

    /// <summary>Sets the declared uncompressed size of every entry, in both its local header and the central directory.</summary>
    public static byte[] DeclareUncompressedSize(byte[] zip, uint size)
    {
        byte[] copy = (byte[])zip.Clone();
        byte[] value = BitConverter.GetBytes(size);
        for (int i = 0; i + 30 <= copy.Length; i++)
        {
            uint sig = BitConverter.ToUInt32(copy, i);
            if (sig == 0x04034b50)
            {
                Array.Copy(value, 0, copy, i + 22, 4);
            }
            else if (sig == 0x02014b50)
            {
                Array.Copy(value, 0, copy, i + 24, 4);
            }
        }

        return copy;
    }

    /// <summary>A minimal 7z file: signature header, some packed bytes, and an end header of the given kind.</summary>
    public static byte[] SevenZip(bool encryptedHeader)
    {
        byte[] packed = Encoding.ASCII.GetBytes("packed-bytes-that-would-be-compressed");
        byte[] header = encryptedHeader
            // kEncodedHeader, kPackInfo(pos 0, 1 stream, kSize n, kEnd), kUnpackInfo(kFolder, 1 folder, not external,
            // 1 coder: id size 4 with properties, AES-256 + SHA-256 06F10701, 2 property bytes; kCodersUnpackSize; kEnd), kEnd
            ? new byte[] { 0x17, 0x06, 0x00, 0x01, 0x09, (byte)packed.Length, 0x00, 0x07, 0x0B, 0x01, 0x00, 0x01, 0x24, 0x06, 0xF1, 0x07, 0x01, 0x02, 0x13, 0x0F, 0x0C, 0x30, 0x00, 0x00 }
            // kHeader, kMainStreamsInfo with an LZMA coder (03 01 01), kEnd
            : new byte[] { 0x01, 0x04, 0x06, 0x00, 0x01, 0x09, (byte)packed.Length, 0x00, 0x07, 0x0B, 0x01, 0x00, 0x01, 0x23, 0x03, 0x01, 0x01, 0x05, 0x5D, 0x00, 0x10, 0x00, 0x00, 0x0C, 0x40, 0x00, 0x00, 0x00 };
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04 });
        ms.Write(new byte[4]); // start header CRC (not checked by the reader)
        ms.Write(BitConverter.GetBytes((ulong)packed.Length));
        ms.Write(BitConverter.GetBytes((ulong)header.Length));
        ms.Write(new byte[4]);
        ms.Write(packed);
        ms.Write(header);
        return ms.ToArray();
    }

    /// <summary>A Word 97 FIB at the start of a WordDocument stream, with or without fEncrypted.</summary>
    public static byte[] WordFib(bool encrypted)
    {
        byte[] fib = new byte[4096];
        fib[0] = 0xEC;
        fib[1] = 0xA5;
        fib[2] = 0xC1;
        fib[10] = 0x00;
        fib[11] = (byte)(encrypted ? 0x01 : 0x00);
        return fib;
    }

    /// <summary>A BIFF8 Workbook stream: BOF, optionally FILEPASS, EOF.</summary>
    public static byte[] Biff(bool filePass)
    {
        var ms = new MemoryStream(new byte[4096]);
        ms.Write(new byte[] { 0x09, 0x08, 0x10, 0x00 });
        ms.Write(new byte[16]);
        if (filePass)
        {
            ms.Write(new byte[] { 0x2F, 0x00, 0x06, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00 });
        }

        ms.Write(new byte[] { 0x0A, 0x00, 0x00, 0x00 });
        return ms.ToArray();
    }

    /// <summary>A TNEF stream (winmail.dat) whose plain-text body is <paramref name="body"/>.</summary>
    public static byte[] Tnef(string body)
    {
        var ms = new MemoryStream();
        ms.Write(BitConverter.GetBytes(0x223E9F78));
        ms.Write(BitConverter.GetBytes((ushort)0x0001));
        WriteAttribute(ms, 0x01, 0x00089006, BitConverter.GetBytes(0x00010000)); // TnefVersion
        WriteAttribute(ms, 0x01, 0x00069007, new byte[] { 0xE4, 0x04, 0, 0, 0, 0, 0, 0 }); // OemCodepage 1252
        WriteAttribute(ms, 0x01, 0x00078008, Encoding.ASCII.GetBytes("IPM.Microsoft Mail.Note\0")); // MessageClass
        WriteAttribute(ms, 0x01, 0x0002800C, Encoding.ASCII.GetBytes(body)); // Body
        return ms.ToArray();
    }

    private static void WriteAttribute(MemoryStream ms, byte level, uint tag, byte[] data)
    {
        ms.WriteByte(level);
        ms.Write(BitConverter.GetBytes(tag));
        ms.Write(BitConverter.GetBytes(data.Length));
        ms.Write(data);
        ms.Write(BitConverter.GetBytes((ushort)data.Sum(b => b)));
    }
}
