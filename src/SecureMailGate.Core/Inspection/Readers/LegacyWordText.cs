using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The text of a Word 97-2003 document ([MS-DOC]): the piece table (<c>Clx</c>, found through the FIB's
/// <c>fcClx</c>/<c>lcbClx</c> in the <c>0Table</c> or <c>1Table</c> stream) lists where every run of characters lives in
/// the <c>WordDocument</c> stream, as cp1252 bytes or UTF-16. Every story is in it: body, headers and footers,
/// footnotes, comments, text boxes, and field instructions (between the 0x13 and 0x14 marks) with their results.
/// Text comes out in pieces of at most <see cref="ChunkChars"/> characters, each charged to the budget, so pieces
/// that point at the same bytes again and again cannot expand past the limit; when the pieces' declared lengths
/// already add up to more than the budget has left, that is a limit before anything is read.
/// </summary>
internal static class LegacyWordText
{
    /// <summary>Largest piece of text handed to the scanner at once.</summary>
    public const int ChunkChars = 32 * 1024;

    private const int FcClxOffset = 0x01A2;

    /// <summary>The document's text, story by story.</summary>
    /// <exception cref="FormatException">The FIB or the piece table cannot be read.</exception>
    public static IEnumerable<string> Read(CompoundFile file, CompoundFileEntry wordDocument, InspectionBudget budget)
    {
        byte[] fib = file.ReadStart(wordDocument, FcClxOffset + 8);
        if (fib.Length < FcClxOffset + 8 || fib[0] != 0xEC || fib[1] != 0xA5)
        {
            throw new FormatException("Not a Word 97-2003 document (no FIB with a piece table).");
        }

        bool oneTable = (fib[11] & 0x02) != 0;
        uint fcClx = BitConverter.ToUInt32(fib, FcClxOffset);
        uint lcbClx = BitConverter.ToUInt32(fib, FcClxOffset + 4);
        CompoundFileEntry table = file.Find(oneTable ? "1Table" : "0Table")
            ?? throw new FormatException("The document's table stream is missing.");
        if (lcbClx == 0)
        {
            throw new FormatException("The document has no piece table.");
        }

        byte[] clx = ReadAt(file, table, fcClx, lcbClx);
        List<Piece> pieces = Pieces(clx);
        long declared = 0;
        foreach (Piece piece in pieces)
        {
            declared += piece.Characters;
        }

        if (declared > budget.Limits.MaxExpandedBytes - budget.ExpandedBytes)
        {
            // Pieces may point at the same bytes again and again: what they add up to is stopped before any is read.
            throw new InspectionLimitException(FindingReasons.ExpandedBytes, $"More than {budget.Limits.MaxExpandedBytes} bytes would have to be expanded.");
        }

        return Text(file, wordDocument, pieces, budget);
    }

    private static IEnumerable<string> Text(CompoundFile file, CompoundFileEntry wordDocument, List<Piece> pieces, InspectionBudget budget)
    {
        Encoding ansi = Ansi();
        using Stream words = file.Open(wordDocument);
        byte[] buffer = new byte[ChunkChars * 2];
        foreach (Piece piece in pieces)
        {
            int width = piece.Compressed ? 1 : 2;
            long offset = piece.Compressed ? piece.Fc / 2 : piece.Fc;
            long left = piece.Characters;
            if (offset >= words.Length)
            {
                throw new FormatException("A piece of the document's text lies outside it.");
            }

            words.Position = offset;
            while (left > 0)
            {
                int wanted = (int)Math.Min(left, ChunkChars) * width;
                int read = ReadFully(words, buffer, wanted);
                if (read < width)
                {
                    throw new FormatException("A piece of the document's text runs past its end.");
                }

                string text = piece.Compressed ? ansi.GetString(buffer, 0, read) : Encoding.Unicode.GetString(buffer, 0, read - (read % 2));
                budget.ChargeCharacters(text.Length);
                left -= text.Length;
                yield return Clean(text);
            }
        }
    }

    /// <summary>Word's marks become what they stand for: paragraph and line ends, cell ends, spaces for field marks.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '\r' or '\v' or '\f' => '\n',
                '\a' => '\t',
                '\u001E' => '-', // non-breaking hyphen
                '\u001F' => '\u00AD', // optional hyphen: a soft hyphen, as in the text that was typed
                < ' ' when c is not '\t' and not '\n' => ' ',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Skips the <c>Prc</c> records and reads the <c>PlcPcd</c>: n + 1 character positions, then n 8-byte piece descriptors.</summary>
    private static List<Piece> Pieces(byte[] clx)
    {
        int at = 0;
        while (at < clx.Length && clx[at] == 0x01)
        {
            if (at + 3 > clx.Length)
            {
                break;
            }

            at += 3 + (clx[at + 1] | (clx[at + 2] << 8));
        }

        if (at + 5 > clx.Length || clx[at] != 0x02)
        {
            throw new FormatException("The document's piece table is damaged.");
        }

        long lcb = BitConverter.ToUInt32(clx, at + 1);
        at += 5;
        if (lcb < 16 || at + lcb > clx.Length || (lcb - 4) % 12 != 0)
        {
            throw new FormatException("The document's piece table is damaged.");
        }

        int n = (int)((lcb - 4) / 12);
        int descriptors = at + ((n + 1) * 4);
        var pieces = new List<Piece>(n);
        for (int i = 0; i < n; i++)
        {
            long cpStart = BitConverter.ToUInt32(clx, at + (i * 4));
            long cpEnd = BitConverter.ToUInt32(clx, at + ((i + 1) * 4));
            uint fc = BitConverter.ToUInt32(clx, descriptors + (i * 8) + 2);
            if (cpEnd <= cpStart)
            {
                continue;
            }

            bool compressed = (fc & 0x40000000) != 0;
            pieces.Add(new Piece(fc & 0x3FFFFFFF, cpEnd - cpStart, compressed));
        }

        return pieces;
    }

    private static byte[] ReadAt(CompoundFile file, CompoundFileEntry entry, long offset, long count)
    {
        using Stream stream = file.Open(entry);
        if (offset + count > stream.Length)
        {
            throw new FormatException("The document's piece table lies outside its table stream.");
        }

        stream.Position = offset;
        byte[] bytes = new byte[count];
        if (ReadFully(stream, bytes, bytes.Length) != bytes.Length)
        {
            throw new FormatException("The document's piece table is cut short.");
        }

        return bytes;
    }

    private static int ReadFully(Stream stream, byte[] buffer, int count)
    {
        int total = 0;
        int read;
        while (total < count && (read = stream.Read(buffer, total, count - total)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Windows-1252, which Word's "compressed" pieces use; Latin-1 if the code page is not available.</summary>
    internal static Encoding Ansi()
    {
        try
        {
            return Encoding.GetEncoding(1252);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return Encoding.GetEncoding(28591);
        }
    }

    private readonly record struct Piece(long Fc, long Characters, bool Compressed);
}
