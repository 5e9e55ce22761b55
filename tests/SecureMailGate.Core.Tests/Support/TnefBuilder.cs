using System;
using System.IO;
using System.Text;
using MimeKit.Tnef;

namespace SecureMailGate.Core.Tests.Support;

/// <summary>Writes minimal TNEF (winmail.dat) streams for tests; MimeKit reads TNEF but does not write it.</summary>
public static class TnefBuilder
{
    /// <summary>A TNEF stream whose message body (attBody) is <paramref name="body"/>.</summary>
    public static byte[] WithBody(string body)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(0x223E9F78u); // TNEF signature
            w.Write((ushort)0x0001); // legacy key
            WriteAttribute(w, TnefAttributeLevel.Message, (uint)TnefAttributeTag.TnefVersion, BitConverter.GetBytes(0x00010000u));
            WriteAttribute(w, TnefAttributeLevel.Message, (uint)TnefAttributeTag.OemCodepage, BitConverter.GetBytes(1252u).AsSpan().ToArray().Concat8());
            WriteAttribute(w, TnefAttributeLevel.Message, (uint)TnefAttributeTag.Body, Encoding.ASCII.GetBytes(body + "\0"));
        }

        return buffer.ToArray();
    }

    private static byte[] Concat8(this byte[] four)
    {
        byte[] eight = new byte[8];
        Buffer.BlockCopy(four, 0, eight, 0, 4);
        return eight;
    }

    /// <summary>Writes one TNEF attribute: level, tag, length, data and its checksum.</summary>
    internal static void WriteAttribute(BinaryWriter w, TnefAttributeLevel level, uint tag, byte[] data)
    {
        w.Write((byte)level);
        w.Write(tag);
        w.Write((uint)data.Length);
        w.Write(data);
        ushort checksum = 0;
        foreach (byte b in data)
        {
            checksum += b;
        }

        w.Write(checksum);
    }
}
