using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>Builds legacy Office and Outlook files byte by byte, as their specifications lay them out.</summary>
internal static class LegacyFiles
{
    /// <summary>Where the text of a generated Word document starts in its WordDocument stream.</summary>
    public const int TextOffset = 0x800;

    /// <summary>
    /// A Word 97-2003 document whose text is the given pieces, each stored as cp1252 ("compressed") or UTF-16,
    /// one after the other from <see cref="TextOffset"/>, described by a piece table in the 1Table stream.
    /// </summary>
    public static byte[] Doc(params (string Text, bool Unicode)[] pieces) => CfbWriter.Build(DocStreams(pieces));

    public static CfbNode[] DocStreams(params (string Text, bool Unicode)[] pieces)
    {
        var word = new MemoryStream();
        word.Write(new byte[TextOffset], 0, TextOffset);
        var cps = new List<uint> { 0 };
        var fcs = new List<uint>();
        foreach ((string text, bool unicode) in pieces)
        {
            long at = word.Position;
            byte[] bytes = unicode ? Encoding.Unicode.GetBytes(text) : Encoding.GetEncoding(28591).GetBytes(text);
            word.Write(bytes, 0, bytes.Length);
            fcs.Add(unicode ? (uint)at : ((uint)at * 2) | 0x40000000);
            cps.Add(cps[^1] + (uint)text.Length);
        }

        byte[] wordDocument = Pad(word.ToArray(), 4096);
        wordDocument[0] = 0xEC;
        wordDocument[1] = 0xA5;
        wordDocument[2] = 0xC1;
        wordDocument[11] = 0x02; // fWhichTblStm: the piece table is in 1Table
        var clx = new MemoryStream();
        clx.WriteByte(0x02);
        int lcb = (cps.Count * 4) + (fcs.Count * 8);
        clx.Write(BitConverter.GetBytes(lcb), 0, 4);
        foreach (uint cp in cps)
        {
            clx.Write(BitConverter.GetBytes(cp), 0, 4);
        }

        foreach (uint fc in fcs)
        {
            clx.Write(new byte[2], 0, 2);
            clx.Write(BitConverter.GetBytes(fc), 0, 4);
            clx.Write(new byte[2], 0, 2);
        }

        byte[] table = clx.ToArray();
        CfbWriter.Put32(wordDocument, 0x1A2, 0);
        CfbWriter.Put32(wordDocument, 0x1A6, (uint)table.Length);
        return new[] { CfbNode.Stream("WordDocument", wordDocument), CfbNode.Stream("1Table", table) };
    }

    /// <summary>
    /// An Excel 97-2003 (BIFF8) workbook: each sheet a name and rows of cells, text cells through the shared string
    /// table, cells starting with '#' as NUMBER records. The SST is split into CONTINUE records every
    /// <paramref name="maxRecord"/> bytes, a string cut there going on after a new flags byte, as Excel writes it.
    /// </summary>
    public static byte[] Xls(IReadOnlyList<(string Name, IEnumerable<string[]> Rows)> sheets, int maxRecord = 8224, string? header = null, string? definedName = null)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>();
        var sheetRecords = new List<byte[]>();
        foreach ((string _, IEnumerable<string[]> rows) in sheets)
        {
            var s = new MemoryStream();
            Record(s, 0x0809, Bof(0x0010));
            int r = 0;
            foreach (string[] row in rows)
            {
                for (int c = 0; c < row.Length; c++)
                {
                    if (row[c].Length == 0)
                    {
                        continue;
                    }

                    if (row[c].StartsWith('#'))
                    {
                        Record(s, 0x0203, Concat(Cell(r, c), BitConverter.GetBytes(double.Parse(row[c].Substring(1), System.Globalization.CultureInfo.InvariantCulture))));
                        continue;
                    }

                    if (!index.TryGetValue(row[c], out int i))
                    {
                        i = strings.Count;
                        index[row[c]] = i;
                        strings.Add(row[c]);
                    }

                    Record(s, 0x00FD, Concat(Cell(r, c), BitConverter.GetBytes(i)));
                }

                r++;
            }

            if (header is not null)
            {
                Record(s, 0x0014, XlString(header));
            }

            Record(s, 0x000A, Array.Empty<byte>());
            sheetRecords.Add(s.ToArray());
        }

        var g = new MemoryStream();
        Record(g, 0x0809, Bof(0x0005));
        foreach ((string name, IEnumerable<string[]> _) in sheets)
        {
            byte[] n = Encoding.GetEncoding(28591).GetBytes(name);
            Record(g, 0x0085, Concat(new byte[6], new[] { (byte)n.Length, (byte)0 }, n));
        }

        if (definedName is not null)
        {
            byte[] n = Encoding.GetEncoding(28591).GetBytes(definedName);
            byte[] name = new byte[15 + n.Length];
            name[3] = (byte)n.Length;
            n.CopyTo(name, 15);
            Record(g, 0x0018, name);
        }

        Sst(g, strings, maxRecord);
        Record(g, 0x000A, Array.Empty<byte>());
        byte[] workbook = Concat(new[] { g.ToArray() }.Concat(sheetRecords).ToArray());
        return CfbWriter.Build(CfbNode.Stream("Workbook", Pad(workbook, 4096)));
    }

    /// <summary>A PowerPoint 97-2003 presentation: a DocumentContainer holding one slide-list container of text atoms.</summary>
    public static byte[] Ppt(params string[] texts)
    {
        var atoms = new MemoryStream();
        foreach (string text in texts)
        {
            byte[] t = Encoding.Unicode.GetBytes(text);
            atoms.Write(Header(0x00, 0x0FA0, t.Length), 0, 8);
            atoms.Write(t, 0, t.Length);
        }

        byte[] inner = atoms.ToArray();
        var doc = new MemoryStream();
        doc.Write(Header(0x0F, 0x03E8, inner.Length + 8), 0, 8);
        doc.Write(Header(0x0F, 0x0FF0, inner.Length), 0, 8);
        doc.Write(inner, 0, inner.Length);
        return CfbWriter.Build(CfbNode.Stream("PowerPoint Document", doc.ToArray()), CfbNode.Stream("Current User", new byte[64]));
    }

    /// <summary>A Unicode string property stream of an Outlook message.</summary>
    public static CfbNode Property(string tag, string value) => CfbNode.Stream("__substg1.0_" + tag, Encoding.Unicode.GetBytes(value));

    /// <summary>An Outlook message: the properties and storages given, beside the fixed-size property stream.</summary>
    public static byte[] Msg(params CfbNode[] content) =>
        CfbWriter.Build(new[] { CfbNode.Stream("__properties_version1.0", new byte[32]) }.Concat(content).ToArray());

    /// <summary>An attachment storage of an Outlook message holding a file.</summary>
    public static CfbNode MsgFile(int index, string fileName, byte[] data) =>
        CfbNode.Storage($"__attach_version1.0_#{index:X8}", Property("3707001F", fileName), CfbNode.Stream("__substg1.0_37010102", data));

    /// <summary>An attachment storage of an Outlook message holding another message.</summary>
    public static CfbNode MsgEmbedded(int index, params CfbNode[] message) =>
        CfbNode.Storage($"__attach_version1.0_#{index:X8}", CfbNode.Storage("__substg1.0_3701000D", new[] { CfbNode.Stream("__properties_version1.0", new byte[24]) }.Concat(message).ToArray()));

    /// <summary>A recipient storage of an Outlook message.</summary>
    public static CfbNode MsgRecipient(int index, string displayName, string address) =>
        CfbNode.Storage($"__recip_version1.0_#{index:X8}", Property("3001001F", displayName), Property("3003001F", address));

    /// <summary>RTF in the "uncompressed" form of compressed RTF ([MS-OXRTFCP]: magic MELA), which MimeKit's decompressor reads.</summary>
    public static byte[] UncompressedRtf(string rtf)
    {
        byte[] raw = Encoding.ASCII.GetBytes(rtf);
        return Concat(BitConverter.GetBytes(raw.Length + 12), BitConverter.GetBytes(raw.Length), BitConverter.GetBytes(0x414C454D), new byte[4], raw);
    }

    private static void Sst(Stream g, List<string> strings, int maxRecord)
    {
        var segments = new List<MemoryStream> { new() };
        MemoryStream current = segments[0];
        current.Write(BitConverter.GetBytes(strings.Count), 0, 4);
        current.Write(BitConverter.GetBytes(strings.Count), 0, 4);
        foreach (string s in strings)
        {
            if (current.Length + 3 > maxRecord)
            {
                current = new MemoryStream();
                segments.Add(current);
            }

            current.Write(BitConverter.GetBytes((ushort)s.Length), 0, 2);
            current.WriteByte(0);
            foreach (char c in s)
            {
                if (current.Length + 1 > maxRecord)
                {
                    current = new MemoryStream();
                    segments.Add(current);
                    current.WriteByte(0); // the rest of the string: 8-bit characters again
                }

                current.WriteByte((byte)c);
            }
        }

        for (int i = 0; i < segments.Count; i++)
        {
            Record(g, i == 0 ? 0x00FC : 0x003C, segments[i].ToArray());
        }
    }

    private static byte[] Bof(int kind) => Concat(new byte[] { 0x00, 0x06 }, BitConverter.GetBytes((ushort)kind), new byte[12]);

    private static byte[] Cell(int row, int column) => Concat(BitConverter.GetBytes((ushort)row), BitConverter.GetBytes((ushort)column), new byte[2]);

    private static byte[] XlString(string s) => Concat(BitConverter.GetBytes((ushort)s.Length), new byte[] { 0 }, Encoding.GetEncoding(28591).GetBytes(s));

    private static void Record(Stream s, int type, byte[] data)
    {
        s.Write(BitConverter.GetBytes((ushort)type), 0, 2);
        s.Write(BitConverter.GetBytes((ushort)data.Length), 0, 2);
        s.Write(data, 0, data.Length);
    }

    private static byte[] Header(int version, int type, int length) =>
        Concat(new[] { (byte)version, (byte)0 }, BitConverter.GetBytes((ushort)type), BitConverter.GetBytes(length));

    private static byte[] Concat(params byte[][] parts)
    {
        var ms = new MemoryStream();
        foreach (byte[] p in parts)
        {
            ms.Write(p, 0, p.Length);
        }

        return ms.ToArray();
    }

    private static byte[] Pad(byte[] data, int length)
    {
        byte[] result = new byte[Math.Max(length, data.Length)];
        data.CopyTo(result, 0);
        return result;
    }
}
