using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The text of a PowerPoint 97-2003 presentation ([MS-PPT]): the <c>PowerPoint Document</c> stream is one tree of
/// records (8-byte header: version and instance, type, length); containers (version 0xF) are stepped into, not
/// recursed, and the text atoms are read wherever they are: <c>TextCharsAtom</c> (UTF-16), <c>TextBytesAtom</c>
/// (8-bit) and <c>CString</c> (UTF-16: titles, comments, headers and footers, hyperlink names). So slides, notes,
/// masters and comments are all read. A record that claims more than the stream holds ends the walk with
/// <see cref="FormatException"/> after the text before it has been given out.
/// </summary>
internal static class LegacyPowerPointText
{
    private const int TextCharsAtom = 0x0FA0;
    private const int TextBytesAtom = 0x0FA8;
    private const int CString = 0x0FBA;

    /// <summary>The text atoms, one piece each, every character charged to <paramref name="budget"/>.</summary>
    public static IEnumerable<string> Read(Stream document, InspectionBudget budget)
    {
        byte[] header = new byte[8];
        byte[] data = Array.Empty<byte>();
        long length = document.Length;
        int records = 0;
        while (document.Position + 8 <= length)
        {
            if (++records % 1024 == 0)
            {
                budget.CheckTime();
            }

            ReadExactly(document, header, 8);
            bool container = (header[0] & 0x0F) == 0x0F;
            int type = header[2] | (header[3] << 8);
            long size = BitConverter.ToUInt32(header, 4);
            if (container)
            {
                continue;
            }

            if (size > length - document.Position)
            {
                throw new FormatException("A presentation record runs past the end of its stream.");
            }

            if (type is not (TextCharsAtom or TextBytesAtom or CString) || size == 0)
            {
                document.Seek(size, SeekOrigin.Current);
                continue;
            }

            if (data.Length < size)
            {
                data = new byte[size];
            }

            ReadExactly(document, data, (int)size);
            string text = type == TextBytesAtom
                ? Encoding.GetEncoding(28591).GetString(data, 0, (int)size)
                : Encoding.Unicode.GetString(data, 0, (int)size & ~1);
            budget.ChargeCharacters(text.Length);
            // PowerPoint ends paragraphs with CR and uses VT for a line break inside one.
            yield return text.Replace('\r', '\n').Replace('\v', '\n') + "\n";
        }
    }

    private static void ReadExactly(Stream stream, byte[] buffer, int count)
    {
        int total = 0;
        int read;
        while (total < count && (read = stream.Read(buffer, total, count - total)) > 0)
        {
            total += read;
        }

        if (total < count)
        {
            throw new FormatException("The presentation ends inside a record.");
        }
    }
}
