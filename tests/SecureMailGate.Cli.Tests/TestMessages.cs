using System.IO;
using System.Linq;
using System.Text;

namespace SecureMailGate.Cli.Tests;

/// <summary>Messages the tests build byte by byte.</summary>
internal static class TestMessages
{
    /// <summary>A bare TNEF stream (a saved winmail.dat): signature, key, then attBody (level 1, tag 0x0002800C) holding <paramref name="body"/>.</summary>
    public static byte[] Tnef(string body)
    {
        byte[] text = Encoding.ASCII.GetBytes(body + "\0");
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.ASCII, leaveOpen: true))
        {
            w.Write(0x223E9F78u);
            w.Write((ushort)1);
            w.Write((byte)1);
            w.Write(0x0002800Cu);
            w.Write((uint)text.Length);
            w.Write(text);
            w.Write((ushort)text.Sum(b => b));
        }

        return buffer.ToArray();
    }
}
