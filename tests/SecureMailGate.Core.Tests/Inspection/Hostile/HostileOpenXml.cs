using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Real Word, Excel and PowerPoint files (built by the Open XML SDK, each holding a valid NHS number) with one part
/// rewritten hostile: nested thousands of elements deep, or given a DOCTYPE.
/// </summary>
internal static class HostileOpenXml
{
    public static byte[] Xlsx() =>
        AttachmentFixtures.Xlsx(("Patients", new[] { new[] { "Name", "NHS number" }, new[] { "A Patient", HostileRtf.NhsNumber } }));

    public static byte[] Pptx() => AttachmentFixtures.Pptx("Patient NHS number " + HostileRtf.NhsNumber);

    public static byte[] Docx() => AttachmentFixtures.Docx(new[] { "Patient NHS number " + HostileRtf.NhsNumber });

    /// <summary>Nests <paramref name="depth"/> unknown elements just inside the root element of <paramref name="part"/>.</summary>
    public static byte[] NestDeep(byte[] package, string part, int depth) =>
        RewritePart(package, part, xml =>
        {
            int rootEnd = xml.IndexOf('>', xml.IndexOf('<', xml.IndexOf("?>", StringComparison.Ordinal) + 2)) + 1;
            string open = string.Concat(Enumerable.Repeat("<deep>", depth));
            string close = string.Concat(Enumerable.Repeat("</deep>", depth));
            return xml.Substring(0, rootEnd) + open + close + xml.Substring(rootEnd);
        });

    /// <summary>Gives <paramref name="part"/> a DOCTYPE declaring the "billion laughs" entities, used in the first Word text run if any.</summary>
    public static byte[] BillionLaughs(byte[] package, string part) =>
        RewritePart(package, part, xml =>
        {
            var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i < 10; i++)
            {
                dtd.Append("<!ENTITY lol").Append(i).Append(" \"").Append(string.Concat(Enumerable.Repeat("&lol" + (i - 1) + ";", 10))).Append("\">");
            }

            dtd.Append("]>");
            int afterDeclaration = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
            string rest = xml.Substring(afterDeclaration);

            // Where the part has text (a Word run), the bomb goes off in it; elsewhere the declaration alone must be refused.
            int textEnd = rest.IndexOf("</w:t>", StringComparison.Ordinal);
            return xml.Substring(0, afterDeclaration) + dtd + (textEnd < 0 ? rest : rest.Insert(textEnd, "&lol9;"));
        });

    private static byte[] RewritePart(byte[] package, string part, Func<string, string> rewrite)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            bool found = false;
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                string content = reader.ReadToEnd();
                if (entry.FullName == part)
                {
                    content = rewrite(content);
                    found = true;
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            if (!found)
            {
                throw new ArgumentException("The package has no part " + part, nameof(part));
            }
        }

        return output.ToArray();
    }
}
