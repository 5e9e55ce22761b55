using System.Collections.Generic;
using System.Globalization;
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

    private static byte[] WriteWithContent(string pageExtra, string pageContent, params string[] extraObjects)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R" + (extraObjects.Length >= 4 ? " /Outlines 8 0 R" : string.Empty) + " >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " + pageExtra + " >>",
            "<< /Length " + pageContent.Length.ToString(CultureInfo.InvariantCulture) + " >>\nstream\n" + pageContent + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        objects.AddRange(extraObjects);
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        int xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        pdf.Append(string.Concat(offsets.Select(o => o.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n")));
        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
