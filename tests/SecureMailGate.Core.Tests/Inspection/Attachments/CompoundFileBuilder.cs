using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>
/// Writes a minimal version-3 OLE compound file ([MS-CFB]): 512-byte sectors, one FAT sector, the streams in
/// regular sectors (each padded to at least 4096 bytes so none belongs in the mini stream).
/// </summary>
internal static class CompoundFileBuilder
{
    private const uint Free = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;

    public static byte[] Build(params (string Name, byte[] Data)[] streams)
    {
        const int sector = 512;
        int dirSectors = ((streams.Length + 1) * 128 + sector - 1) / sector;
        var fat = new List<uint> { FatSector };
        int dirStart = fat.Count;
        for (int i = 0; i < dirSectors; i++)
        {
            fat.Add(i == dirSectors - 1 ? EndOfChain : (uint)(fat.Count + 1));
        }

        var starts = new List<uint>();
        var padded = new List<byte[]>();
        foreach ((string _, byte[] data) in streams)
        {
            byte[] content = data.Length >= 4096 ? data : Pad(data, 4096);
            padded.Add(content);
            int count = (content.Length + sector - 1) / sector;
            starts.Add((uint)fat.Count);
            for (int i = 0; i < count; i++)
            {
                fat.Add(i == count - 1 ? EndOfChain : (uint)(fat.Count + 1));
            }
        }

        if (fat.Count > sector / 4)
        {
            throw new InvalidOperationException("Fixture too large for one FAT sector.");
        }

        while (fat.Count < sector / 4)
        {
            fat.Add(Free);
        }

        var file = new MemoryStream();
        var header = new byte[sector];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header, 0);
        Put16(header, 0x18, 0x003E);
        Put16(header, 0x1A, 0x0003);
        Put16(header, 0x1C, 0xFFFE);
        Put16(header, 0x1E, 9);
        Put16(header, 0x20, 6);
        Put32(header, 0x2C, 1);
        Put32(header, 0x30, (uint)dirStart);
        Put32(header, 0x38, 4096);
        Put32(header, 0x3C, EndOfChain);
        Put32(header, 0x44, EndOfChain);
        Put32(header, 0x4C, 0);
        for (int i = 1; i < 109; i++)
        {
            Put32(header, 0x4C + (i * 4), Free);
        }

        file.Write(header);
        var fatBytes = new byte[sector];
        for (int i = 0; i < fat.Count; i++)
        {
            Put32(fatBytes, i * 4, fat[i]);
        }

        file.Write(fatBytes);
        var dir = new byte[dirSectors * sector];
        WriteEntry(dir, 0, "Root Entry", 5, child: streams.Length > 0 ? 1u : Free, right: Free, start: EndOfChain, size: 0);
        for (int i = 0; i < streams.Length; i++)
        {
            WriteEntry(dir, i + 1, streams[i].Name, 2, child: Free, right: i + 1 < streams.Length ? (uint)(i + 2) : Free, start: starts[i], size: (uint)padded[i].Length);
        }

        file.Write(dir);
        foreach (byte[] content in padded)
        {
            file.Write(Pad(content, (content.Length + sector - 1) / sector * sector));
        }

        return file.ToArray();
    }

    private static void WriteEntry(byte[] dir, int index, string name, byte type, uint child, uint right, uint start, uint size)
    {
        int at = index * 128;
        byte[] n = Encoding.Unicode.GetBytes(name);
        n.CopyTo(dir, at);
        Put16(dir, at + 64, n.Length + 2);
        dir[at + 66] = type;
        dir[at + 67] = 1;
        Put32(dir, at + 68, Free);
        Put32(dir, at + 72, right);
        Put32(dir, at + 76, child);
        Put32(dir, at + 116, start);
        Put32(dir, at + 120, size);
    }

    private static byte[] Pad(byte[] data, int length)
    {
        byte[] result = new byte[Math.Max(length, data.Length)];
        data.CopyTo(result, 0);
        return result;
    }

    private static void Put16(byte[] b, int at, int v)
    {
        b[at] = (byte)v;
        b[at + 1] = (byte)(v >> 8);
    }

    private static void Put32(byte[] b, int at, uint v) => BitConverter.GetBytes(v).CopyTo(b, at);
}
