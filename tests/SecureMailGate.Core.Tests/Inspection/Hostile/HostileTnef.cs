using System;
using System.IO;
using System.Text;
using MimeKit.Tnef;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// A winmail.dat whose only body is the compressed RTF Outlook writes (PR_RTF_COMPRESSED), stored in the
/// uncompressed "MELA" form of MS-OXRTFCP so the test states the RTF plainly.
/// </summary>
internal static class HostileTnef
{
    private const uint MelaUncompressed = 0x414C454D;

    public static byte[] WithCompressedRtf(string rtf)
    {
        byte[] raw = Encoding.ASCII.GetBytes(rtf);
        using var compressed = new MemoryStream();
        using (var w = new BinaryWriter(compressed, Encoding.ASCII, leaveOpen: true))
        {
            w.Write((uint)(raw.Length + 12)); // COMPSIZE: everything after this field
            w.Write((uint)raw.Length); // RAWSIZE
            w.Write(MelaUncompressed);
            w.Write(0u); // CRC, zero when uncompressed
            w.Write(raw);
        }

        using var props = new MemoryStream();
        using (var w = new BinaryWriter(props, Encoding.ASCII, leaveOpen: true))
        {
            byte[] value = compressed.ToArray();
            w.Write(1u); // one property
            w.Write((ushort)0x0102); // PT_BINARY
            w.Write((ushort)0x1009); // PR_RTF_COMPRESSED
            w.Write(1u); // one value
            w.Write((uint)value.Length);
            w.Write(value);
            w.Write(new byte[(4 - (value.Length % 4)) % 4]);
        }

        using var tnef = new MemoryStream();
        using (var w = new BinaryWriter(tnef, Encoding.ASCII, leaveOpen: true))
        {
            w.Write(0x223E9F78u);
            w.Write((ushort)0x0001);
            TnefBuilder.WriteAttribute(w, TnefAttributeLevel.Message, 0x00089006, BitConverter.GetBytes(0x00010000u)); // attTnefVersion
            TnefBuilder.WriteAttribute(w, TnefAttributeLevel.Message, 0x00069007, new byte[] { 0xE4, 0x04, 0, 0, 0, 0, 0, 0 }); // attOemCodepage 1252
            TnefBuilder.WriteAttribute(w, TnefAttributeLevel.Message, 0x00078008, Encoding.ASCII.GetBytes("IPM.Microsoft Mail.Note\0")); // attMessageClass
            TnefBuilder.WriteAttribute(w, TnefAttributeLevel.Message, 0x00069003, props.ToArray()); // attMAPIProps
        }

        return tnef.ToArray();
    }
}
