using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Hand-written one-page PDFs whose page shows a valid NHS number in Helvetica, with one hostile twist each.
/// Objects: 1 catalog, 2 page tree, 3 page, 4 content, 5 font, then whatever the twist adds from 6.
/// </summary>
internal static class HostilePdf
{
    private const string Content = "BT /F1 12 Tf 72 720 Td (Patient NHS number " + HostileRtf.NhsNumber + ") Tj ET";

    /// <summary>The page's <c>/Resources</c> is <c>6 0 R</c>, object 6 is <c>7 0 R</c> and object 7 is <c>6 0 R</c>.</summary>
    public static byte[] ResourcesCycle() => Write("/Resources 6 0 R", "7 0 R", "6 0 R");

    /// <summary>The page dictionary holds an array nested <paramref name="depth"/> deep.</summary>
    public static byte[] DeepArray(int depth) =>
        Write("/Resources << /Font << /F1 5 0 R >> >> /Deep " + new string('[', depth) + new string(']', depth));

    /// <summary>Object 6 is an object stream that <c>/Extends</c> itself.</summary>
    public static byte[] ObjectStreamExtendingItself() =>
        Write("/Resources << /Font << /F1 5 0 R >> >>", "<< /Type /ObjStm /N 0 /First 0 /Extends 6 0 R /Length 0 >>\nstream\n\nendstream");

    /// <summary>
    /// The page draws form XObject /X1, whose resources are the same XObject dictionary (object 6): the form draws itself.
    /// </summary>
    public static byte[] FormDrawingItself()
    {
        const string draw = "/X1 Do";
        return WriteWithContent(
            "/Resources << /Font << /F1 5 0 R >> /XObject 6 0 R >>",
            Content + " " + draw,
            "<< /X1 7 0 R >>",
            "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject 6 0 R >> /Length " + draw.Length.ToString(CultureInfo.InvariantCulture) + " >>\nstream\n" + draw + "\nendstream");
    }

    /// <summary>
    /// A well-formed PDF full of the cycles real documents have: Parent and Kids, an annotation whose destination is its
    /// own page, an outline pointing at the page and back at its parent, a shared resource dictionary.
    /// </summary>
    public static byte[] OrdinaryBackReferences() =>
        Write(
            "/Resources 6 0 R /Annots [7 0 R]",
            "<< /Font << /F1 5 0 R >> >>",
            "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /P 3 0 R /Dest [3 0 R /Fit] >>",
            "<< /Type /Outlines /First 9 0 R /Last 9 0 R /Count 1 >>",
            "<< /Title (Page) /Parent 8 0 R /Dest [3 0 R /Fit] >>");

    private static byte[] Write(string pageExtra, params string[] extraObjects) => WriteWithContent(pageExtra, Content, extraObjects);

    /// <summary>
    /// The <c>/Resources 6 0 R</c> &lt;-&gt; <c>7 0 R</c> loop again, but objects 6 and 7 live in object stream 8, declared
    /// with <c>/DecodeParms</c> (predictor 1: none) so the pass over the file leaves it to PdfPig to decode; a
    /// cross-reference stream (object 9) says where they are.
    /// </summary>
    public static byte[] ResourcesCycleInObjectStream()
    {
        const string header = "6 0 7 6 ";
        byte[] packed = Deflate(header + "7 0 R 6 0 R");
        List<string> objects = PageObjects("/Resources 6 0 R", Content);
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new int[10];
        for (int i = 0; i < objects.Count; i++)
        {
            offsets[i + 1] = Append(pdf, i + 1, objects[i]);
        }

        offsets[8] = Append(pdf, 8, "<< /Type /ObjStm /N 2 /First " + header.Length + " /Filter /FlateDecode /DecodeParms << /Predictor 1 >> /Length "
            + packed.Length + " >>\nstream\n" + Latin1.GetString(packed) + "\nendstream");
        offsets[9] = pdf.Length;

        // Rows of /W [1 4 2]: type, offset (or object stream), generation (or index in the stream).
        var rows = new StringBuilder();
        for (int number = 0; number < offsets.Length; number++)
        {
            (int type, int second, int third) = number switch
            {
                0 => (0, 0, 0xFFFF),
                6 => (2, 8, 0),
                7 => (2, 8, 1),
                _ => (1, offsets[number], 0),
            };
            rows.Append((char)type).Append(Latin1.GetString(new[] { (byte)(second >> 24), (byte)(second >> 16), (byte)(second >> 8), (byte)second, (byte)(third >> 8), (byte)third }));
        }

        Append(pdf, 9, "<< /Type /XRef /Size 10 /W [1 4 2] /Root 1 0 R /Length " + rows.Length + " >>\nstream\n" + rows + "\nendstream");
        pdf.Append("startxref\n").Append(offsets[9]).Append("\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    private static Encoding Latin1 => Encoding.Latin1;

    private static byte[] WriteWithContent(string pageExtra, string pageContent, params string[] extraObjects)
    {
        List<string> objects = PageObjects(pageExtra, pageContent, outlines: extraObjects.Length >= 4);
        objects.AddRange(extraObjects);
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(Append(pdf, i + 1, objects[i]));
        }

        int xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        pdf.Append(string.Concat(offsets.Select(o => o.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n")));
        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>Objects 1 to 5: catalog, page tree, page, its content, its font.</summary>
    private static List<string> PageObjects(string pageExtra, string pageContent, bool outlines = false) => new()
    {
        "<< /Type /Catalog /Pages 2 0 R" + (outlines ? " /Outlines 8 0 R" : string.Empty) + " >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " + pageExtra + " >>",
        "<< /Length " + pageContent.Length.ToString(CultureInfo.InvariantCulture) + " >>\nstream\n" + pageContent + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };

    /// <summary>Appends object <paramref name="number"/>; returns its offset.</summary>
    private static int Append(StringBuilder pdf, int number, string body)
    {
        int offset = pdf.Length;
        pdf.Append(number).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
        return offset;
    }

    /// <summary>zlib-compressed ASCII, as a /FlateDecode stream holds it.</summary>
    public static byte[] Deflate(string text)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            zlib.Write(bytes, 0, bytes.Length);
        }

        return output.ToArray();
    }
}
