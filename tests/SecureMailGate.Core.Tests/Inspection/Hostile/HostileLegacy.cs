using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Tests.Inspection.Formats;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>Hostile legacy Office and Outlook files: structures that loop, lie about their sizes or expand without end.</summary>
internal static class HostileLegacy
{
    public const string NhsNumber = "943 476 5919";

    private static readonly (string, bool)[] Letter = { ("Patient NHS number " + NhsNumber + "\r", false) };

    /// <summary>A Word document whose directory's sector chain points back at itself.</summary>
    public static byte[] DirectoryChainLoop()
    {
        byte[] file = LegacyFiles.Doc(Letter);
        uint dirStart = CfbWriter.U32(file, 0x30);
        CfbWriter.SetFat(file, dirStart, dirStart);
        return file;
    }

    /// <summary>A Word document whose WordDocument stream's last sector leads back to its first.</summary>
    public static byte[] StreamChainLoop()
    {
        byte[] file = LegacyFiles.Doc(Letter);
        int entry = CfbWriter.EntryOffset(file, "WordDocument");
        uint start = CfbWriter.U32(file, entry + 116);
        uint sectors = (CfbWriter.U32(file, entry + 120) + 511) / 512;
        CfbWriter.SetFat(file, start + sectors - 1, start);
        return file;
    }

    /// <summary>A Word document whose FAT chains run through one FAT sector that claims to be every sector.</summary>
    public static byte[] FatOfItself()
    {
        byte[] file = LegacyFiles.Doc(Letter);
        for (uint s = 0; s < 128; s++)
        {
            CfbWriter.SetFat(file, s, s == 127 ? 0 : s + 1);
        }

        return file;
    }

    /// <summary>A Word document whose WordDocument stream claims 4 GB: it holds what its chain holds, no more.</summary>
    public static byte[] HugeClaimedStreamSize()
    {
        byte[] file = LegacyFiles.Doc(Letter);
        CfbWriter.Put32(file, CfbWriter.EntryOffset(file, "WordDocument") + 120, 0xFFFFFFF0);
        return file;
    }

    /// <summary>A Word document cut in half.</summary>
    public static byte[] Truncated() => LegacyFiles.Doc(Letter).Take(2048).ToArray();

    /// <summary>A Word document whose piece table repeats one 4 KB piece of text <paramref name="pieces"/> times.</summary>
    public static byte[] RepeatedPieces(int pieces)
    {
        CfbNode[] streams = LegacyFiles.DocStreams(("x", false));
        byte[] word = streams[0].Data!;
        int text = 4000;
        byte[] grown = new byte[LegacyFiles.TextOffset + text];
        word.Take(LegacyFiles.TextOffset).ToArray().CopyTo(grown, 0);
        Encoding.ASCII.GetBytes(new string('a', text)).CopyTo(grown, LegacyFiles.TextOffset);
        var clx = new MemoryStream();
        clx.WriteByte(0x02);
        clx.Write(BitConverter.GetBytes(((pieces + 1) * 4) + (pieces * 8)), 0, 4);
        for (int i = 0; i <= pieces; i++)
        {
            clx.Write(BitConverter.GetBytes(i * text), 0, 4);
        }

        for (int i = 0; i < pieces; i++)
        {
            clx.Write(new byte[2], 0, 2);
            clx.Write(BitConverter.GetBytes(((uint)LegacyFiles.TextOffset * 2) | 0x40000000), 0, 4);
            clx.Write(new byte[2], 0, 2);
        }

        byte[] table = clx.ToArray();
        CfbWriter.Put32(grown, 0x1A6, (uint)table.Length);
        return CfbWriter.Build(CfbNode.Stream("WordDocument", grown), CfbNode.Stream("1Table", table));
    }

    /// <summary>An Excel workbook with <paramref name="cells"/> cells that all show one long shared string.</summary>
    public static byte[] SharedStringRepeated(int cells)
    {
        string[] row = Enumerable.Repeat(new string('b', 8000), 1).ToArray();
        IEnumerable<string[]> rows = Enumerable.Repeat(row, cells);
        return LegacyFiles.Xls(new[] { ("Sheet1", rows) });
    }

    /// <summary>An Excel workbook whose last record claims more bytes than the stream holds.</summary>
    public static byte[] RecordPastTheEnd()
    {
        var workbook = new MemoryStream();
        workbook.Write(new byte[] { 0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00 }, 0, 8);
        workbook.Write(new byte[12], 0, 12);
        workbook.Write(new byte[] { 0xFC, 0x00, 0xFF, 0xFF }, 0, 4);
        workbook.Write(Enumerable.Repeat((byte)'z', 5000).ToArray(), 0, 5000);
        return CfbWriter.Build(CfbNode.Stream("Workbook", workbook.ToArray()));
    }

    /// <summary>A presentation whose text atom claims 2 GB.</summary>
    public static byte[] AtomPastTheEnd()
    {
        byte[] file = LegacyFiles.Ppt("Patient NHS number " + NhsNumber, "second");
        int entry = CfbWriter.EntryOffset(file, "PowerPoint Document");
        int at = FindAtom(file, Encoding.Unicode.GetBytes("second"));
        CfbWriter.Put32(file, at - 4, 0x7FFFFFFF);
        return file;
    }

    /// <summary>An Outlook message that attaches a message that attaches a message ... <paramref name="depth"/> deep.</summary>
    public static byte[] NestedMessages(int depth)
    {
        CfbNode[] inner = { LegacyFiles.Property("1000001F", "NHS number " + NhsNumber) };
        for (int i = 0; i < depth; i++)
        {
            inner = new[] { LegacyFiles.Property("0037001F", "Fwd " + i), LegacyFiles.MsgEmbedded(0, inner) };
        }

        return LegacyFiles.Msg(inner);
    }

    /// <summary>
    /// An Outlook message whose attached message lists, among its own children, the attachment storage that holds it
    /// (the sibling link of its last property points back up): a loop only a depth limit can end.
    /// </summary>
    public static byte[] AttachmentCycle()
    {
        byte[] file = LegacyFiles.Msg(LegacyFiles.Property("0037001F", "Loop"), LegacyFiles.MsgEmbedded(0, LegacyFiles.Property("1000001F", "text")));
        int attach = CfbWriter.EntryOffset(file, "__attach_version1.0_#00000000");
        int body = CfbWriter.EntryOffset(file, "__substg1.0_1000001F");
        int attachId = (attach - DirectoryStart(file)) / 128;
        CfbWriter.Put32(file, body + 72, (uint)attachId);
        return file;
    }

    /// <summary>An Outlook message whose attachment is an embedded OLE object (a storage that is not a message).</summary>
    public static byte[] EmbeddedOleObject() =>
        LegacyFiles.Msg(
            LegacyFiles.Property("0037001F", "Letter"),
            CfbNode.Storage("__attach_version1.0_#00000000", CfbNode.Storage("__substg1.0_3701000D", LegacyFiles.DocStreams(("NHS number " + NhsNumber, false)))));

    private static int DirectoryStart(byte[] file) => (int)(CfbWriter.U32(file, 0x30) + 1) * 512;

    private static int FindAtom(byte[] file, byte[] text)
    {
        for (int i = 0; i + text.Length <= file.Length; i++)
        {
            if (new ReadOnlySpan<byte>(file, i, text.Length).SequenceEqual(text))
            {
                return i;
            }
        }

        throw new InvalidOperationException("Atom not found.");
    }
}
