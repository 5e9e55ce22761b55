using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The string properties of an OLE property set stream ([MS-OLEPS]): in <c>SummaryInformation</c> the title,
/// subject, author, keywords, comments and last author; in <c>DocumentSummaryInformation</c> category, manager,
/// company and the user's custom properties. Only <c>VT_LPSTR</c> (8-bit, cp1252) and <c>VT_LPWSTR</c> values are
/// read; every offset and length is checked against the stream, and a damaged set yields what precedes the damage.
/// </summary>
internal static class PropertySetText
{
    /// <summary>The names of the two property-set streams, with their leading U+0005.</summary>
    public static readonly string[] StreamNames = { "\u0005SummaryInformation", "\u0005DocumentSummaryInformation" };

    /// <summary>Each string property as one line, charged to the budget.</summary>
    public static IEnumerable<string> Read(CompoundFile file, CompoundFileEntry stream, InspectionBudget budget)
    {
        byte[] data;
        using (Stream content = file.Open(stream))
        {
            data = new byte[content.Length];
            int total = 0;
            int read;
            while (total < data.Length && (read = content.Read(data, total, data.Length - total)) > 0)
            {
                total += read;
            }
        }

        if (data.Length < 28 || data[0] != 0xFE || data[1] != 0xFF)
        {
            yield break;
        }

        uint sets = BitConverter.ToUInt32(data, 24);
        for (int s = 0; s < Math.Min(sets, 2u); s++)
        {
            int entry = 28 + (s * 20);
            if (entry + 20 > data.Length)
            {
                yield break;
            }

            uint setOffset = BitConverter.ToUInt32(data, entry + 16);
            foreach (string value in Strings(data, setOffset))
            {
                budget.ChargeCharacters(value.Length);
                yield return value + "\n";
            }
        }
    }

    private static IEnumerable<string> Strings(byte[] data, uint setOffset)
    {
        if (setOffset > data.Length - 8L)
        {
            yield break;
        }

        int set = (int)setOffset;
        uint count = BitConverter.ToUInt32(data, set + 4);
        for (long i = 0; i < count && set + 8 + ((i + 1) * 8) <= data.Length; i++)
        {
            uint offset = BitConverter.ToUInt32(data, set + 8 + (int)(i * 8) + 4);
            long at = set + (long)offset;
            if (at + 8 > data.Length)
            {
                continue;
            }

            int type = BitConverter.ToUInt16(data, (int)at);
            uint length = BitConverter.ToUInt32(data, (int)at + 4);
            long bytes = type == 0x1F ? length * 2L : length;
            if (type is not (0x1E or 0x1F) || at + 8 + bytes > data.Length)
            {
                continue;
            }

            string text = type == 0x1F
                ? Encoding.Unicode.GetString(data, (int)at + 8, (int)bytes)
                : LegacyWordText.Ansi().GetString(data, (int)at + 8, (int)bytes);
            text = text.TrimEnd('\0');
            if (text.Length > 0)
            {
                yield return text;
            }
        }
    }
}
