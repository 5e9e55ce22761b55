using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>Hand-written PDFs whose pages draw very many glyphs from small, Flate-compressed content streams.</summary>
internal static class CostPdf
{
    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    /// <summary>Page 1 shows <paramref name="firstPageText"/>; page 2 shows one string of <paramref name="glyphs"/> characters.</summary>
    public static byte[] TwoPages(string firstPageText, long glyphs)
    {
        return Write(new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 /Resources << /Font << /F1 7 0 R >> >> >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            Flate(Text(firstPageText)),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R >>",
            Flate(ManyGlyphs(glyphs)),
            Font,
        });
    }

    /// <summary>One page that draws a form XObject holding <paramref name="formGlyphs"/> glyphs <paramref name="draws"/> times.</summary>
    public static byte[] RepeatedForm(int formGlyphs, int draws)
    {
        var page = new StringBuilder();
        for (int i = 0; i < draws; i++)
        {
            page.Append("/Fm1 Do\n");
        }

        return Write(new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> /XObject << /Fm1 5 0 R >> >> >>",
            Flate(Encoding.ASCII.GetBytes(page.ToString())),
            Flate(ManyGlyphs(formGlyphs), "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >>"),
            Font,
        });
    }

    private static byte[] Text(string text) => Encoding.ASCII.GetBytes("BT /F1 12 Tf 50 700 Td (" + text + ") Tj ET\n");

    private static byte[] ManyGlyphs(long glyphs)
    {
        byte[] head = Encoding.ASCII.GetBytes("BT /F1 1 Tf 10 10 Td (");
        byte[] tail = Encoding.ASCII.GetBytes(") Tj ET\n");
        byte[] all = new byte[head.Length + glyphs + tail.Length];
        head.CopyTo(all, 0);
        all.AsSpanFill(head.Length, glyphs, (byte)'A');
        tail.CopyTo(all, head.Length + glyphs);
        return all;
    }

    private static void AsSpanFill(this byte[] array, int start, long count, byte value) => System.MemoryExtensions.AsSpan(array, start, (int)count).Fill(value);

    private static string Flate(byte[] content, string extra = "")
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content, 0, content.Length);
        }

        string data = Encoding.Latin1.GetString(compressed.ToArray());
        return $"<< /Length {data.Length} /Filter /FlateDecode {extra} >>\nstream\n{data}\nendstream";
    }

    private static byte[] Write(IReadOnlyList<string> objects) => Attachments.AttachmentFixtures.HandWrittenPdf(objects, string.Empty);
}
