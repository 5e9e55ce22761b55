using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>
/// Writes a version-3 OLE compound file ([MS-CFB]) with storages and a mini stream, as Office and Outlook write
/// them: 512-byte sectors; streams under 4096 bytes in 64-byte mini sectors inside the root's mini stream, larger
/// ones in regular sectors. Layout: FAT sectors, directory, mini FAT, mini stream, then the large streams.
/// </summary>
internal static class CfbWriter
{
    public const uint Free = 0xFFFFFFFF;
    public const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatMark = 0xFFFFFFFD;
    private const int Sector = 512;
    private const int Cutoff = 4096;

    public static byte[] Build(params CfbNode[] rootChildren)
    {
        // Directory order: depth-first, root first.
        var nodes = new List<(CfbNode Node, byte Type)>();
        var childOf = new Dictionary<int, List<int>>();
        var stack = new Stack<(CfbNode Node, int Parent)>();
        nodes.Add((CfbNode.Storage("Root Entry", rootChildren), 5));
        childOf[0] = new List<int>();
        for (int i = rootChildren.Length - 1; i >= 0; i--)
        {
            stack.Push((rootChildren[i], 0));
        }

        while (stack.Count > 0)
        {
            (CfbNode node, int parent) = stack.Pop();
            int id = nodes.Count;
            nodes.Add((node, node.Data is null ? (byte)1 : (byte)2));
            childOf[parent].Add(id);
            childOf[id] = new List<int>();
            for (int i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], id));
            }
        }

        // Mini stream and large streams.
        var mini = new MemoryStream();
        var miniFat = new List<uint>();
        var large = new List<(int Id, byte[] Data)>();
        var start = new uint[nodes.Count];
        for (int id = 0; id < nodes.Count; id++)
        {
            byte[]? data = nodes[id].Node.Data;
            start[id] = EndOfChain;
            if (data is null || data.Length == 0)
            {
                continue;
            }

            if (data.Length < Cutoff)
            {
                int count = (data.Length + 63) / 64;
                start[id] = (uint)miniFat.Count;
                for (int i = 0; i < count; i++)
                {
                    miniFat.Add(i == count - 1 ? EndOfChain : (uint)(miniFat.Count + 1));
                }

                mini.Write(data, 0, data.Length);
                mini.Write(new byte[(count * 64) - data.Length], 0, (count * 64) - data.Length);
            }
            else
            {
                large.Add((id, data));
            }
        }

        int dirSectors = ((nodes.Count * 128) + Sector - 1) / Sector;
        int miniFatSectors = ((miniFat.Count * 4) + Sector - 1) / Sector;
        int miniSectors = (int)((mini.Length + Sector - 1) / Sector);
        int largeSectors = 0;
        foreach ((int _, byte[] data) in large)
        {
            largeSectors += (data.Length + Sector - 1) / Sector;
        }

        int body = dirSectors + miniFatSectors + miniSectors + largeSectors;
        int fatSectors = 1;
        while (fatSectors * (Sector / 4) < fatSectors + body)
        {
            fatSectors++;
        }

        if (fatSectors > 109)
        {
            throw new InvalidOperationException("Fixture too large for the header's DIFAT.");
        }

        var fat = new List<uint>();
        for (int i = 0; i < fatSectors; i++)
        {
            fat.Add(FatMark);
        }

        uint Chain(int sectors)
        {
            if (sectors == 0)
            {
                return EndOfChain;
            }

            uint first = (uint)fat.Count;
            for (int i = 0; i < sectors; i++)
            {
                fat.Add(i == sectors - 1 ? EndOfChain : (uint)(fat.Count + 1));
            }

            return first;
        }

        uint dirStart = Chain(dirSectors);
        uint miniFatStart = Chain(miniFatSectors);
        uint miniStart = Chain(miniSectors);
        foreach ((int id, byte[] data) in large)
        {
            start[id] = Chain((data.Length + Sector - 1) / Sector);
        }

        start[0] = miniStart;
        while (fat.Count % (Sector / 4) != 0)
        {
            fat.Add(Free);
        }

        var file = new MemoryStream();
        byte[] header = new byte[Sector];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header, 0);
        Put16(header, 0x18, 0x003E);
        Put16(header, 0x1A, 0x0003);
        Put16(header, 0x1C, 0xFFFE);
        Put16(header, 0x1E, 9);
        Put16(header, 0x20, 6);
        Put32(header, 0x2C, (uint)fatSectors);
        Put32(header, 0x30, dirStart);
        Put32(header, 0x38, Cutoff);
        Put32(header, 0x3C, miniFatStart);
        Put32(header, 0x40, (uint)miniFatSectors);
        Put32(header, 0x44, EndOfChain);
        for (int i = 0; i < 109; i++)
        {
            Put32(header, 0x4C + (i * 4), i < fatSectors ? (uint)i : Free);
        }

        file.Write(header, 0, header.Length);
        foreach (uint entry in fat)
        {
            file.Write(BitConverter.GetBytes(entry), 0, 4);
        }

        byte[] dir = new byte[dirSectors * Sector];
        for (int id = 0; id < nodes.Count; id++)
        {
            (CfbNode node, byte type) = nodes[id];
            List<int> children = childOf[id];
            int parentList = -1;
            foreach (KeyValuePair<int, List<int>> kv in childOf)
            {
                if (kv.Value.Contains(id))
                {
                    parentList = kv.Key;
                }
            }

            uint right = Free;
            if (parentList >= 0)
            {
                List<int> siblings = childOf[parentList];
                int index = siblings.IndexOf(id);
                right = index + 1 < siblings.Count ? (uint)siblings[index + 1] : Free;
            }

            long size = id == 0 ? mini.Length : node.Data?.Length ?? 0;
            WriteEntry(dir, id, node.Name, type, children.Count > 0 ? (uint)children[0] : Free, right, start[id], (uint)size);
        }

        file.Write(dir, 0, dir.Length);
        byte[] miniFatBytes = new byte[miniFatSectors * Sector];
        for (int i = 0; i < miniFatSectors * (Sector / 4); i++)
        {
            Put32(miniFatBytes, i * 4, i < miniFat.Count ? miniFat[i] : Free);
        }

        file.Write(miniFatBytes, 0, miniFatBytes.Length);
        byte[] miniBytes = Pad(mini.ToArray(), miniSectors * Sector);
        file.Write(miniBytes, 0, miniBytes.Length);
        foreach ((int _, byte[] data) in large)
        {
            byte[] padded = Pad(data, (data.Length + Sector - 1) / Sector * Sector);
            file.Write(padded, 0, padded.Length);
        }

        return file.ToArray();
    }

    /// <summary>The file offset of the directory entry named <paramref name="name"/> (its start sector is at +116, its size at +120).</summary>
    public static int EntryOffset(byte[] file, string name)
    {
        byte[] wanted = Encoding.Unicode.GetBytes(name);
        for (int at = Sector; at + 128 <= file.Length; at += 128)
        {
            int length = file[at + 64] | (file[at + 65] << 8);
            if (length == wanted.Length + 2 && file[at + 66] is 1 or 2 or 5 && new ReadOnlySpan<byte>(file, at, wanted.Length).SequenceEqual(wanted))
            {
                return at;
            }
        }

        throw new ArgumentException("No such entry: " + name);
    }

    /// <summary>Sets one FAT entry (FAT sectors come first, so entry n is at 512 + 4n).</summary>
    public static void SetFat(byte[] file, uint sector, uint value) => Put32(file, Sector + ((int)sector * 4), value);

    public static uint U32(byte[] b, int at) => BitConverter.ToUInt32(b, at);

    public static void Put32(byte[] b, int at, uint v) => BitConverter.GetBytes(v).CopyTo(b, at);

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
}
