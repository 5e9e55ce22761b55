using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Decides whether bytes are text, in which encoding, and opens them as text.</summary>
internal static class TextSniffer
{
    private const int SniffLength = 4096;

    // Encodings are immutable and thread-safe: one of each, not one per attachment.
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
    private static readonly Encoding Utf32 = new UTF32Encoding(bigEndian: false, byteOrderMark: true);

    // Large enough that big files are read in few calls (the scanner asks for 64K characters at a time, which the reader
    // decodes straight into the scanner's buffer); small enough that a short attachment costs little.
    private const int ReaderBufferSize = 4096;

    /// <summary>
    /// True when the head has a Unicode BOM, looks like UTF-16 without one (every other byte NUL), or holds no NUL
    /// byte at all (binary formats almost always do).
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head) =>
        BomEncoding(head) is not null || Utf16WithoutBom(head) is not null || head.IndexOf((byte)0) < 0;

    /// <summary>
    /// True when the head is text by content alone, whatever its name or declared type: it looks like text and, read
    /// in its detected encoding, at most 1 in 50 characters is a control character other than tab, line breaks and
    /// form feed. Used for attachments no other reader claims (".json", ".md", ".dat", no name, octet-stream).
    /// </summary>
    public static bool IsTextByContent(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || !LooksLikeText(head))
        {
            return false;
        }

        Encoding encoding = DetectEncoding(head);
#if NET
        // Decoded into a pooled buffer: every attachment without a known signature comes through here.
        char[] chars = System.Buffers.ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(head.Length));
        try
        {
            int length = encoding.GetChars(head, chars);
            return FewControls(new ReadOnlySpan<char>(chars, 0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
#else
        return FewControls(encoding.GetString(head.ToArray()).AsSpan());
#endif
    }

    /// <summary>At most one character in fifty is a control character other than tab, line breaks, form feed and the BOM.</summary>
    private static bool FewControls(ReadOnlySpan<char> text)
    {
        int controls = 0;
        foreach (char c in text)
        {
            if (char.IsControl(c) && c is not '\t' and not '\r' and not '\n' and not '\f' && c != '\uFEFF')
            {
                controls++;
            }
        }

        return controls * 50 <= text.Length;
    }

    /// <summary>
    /// A reader over the content in its detected encoding: a BOM (UTF-8, UTF-16, UTF-32) decides; else UTF-7 when
    /// the bytes are 7-bit and hold UTF-7 shift sequences (<see cref="Utf7TextReader"/>); else UTF-16 when the NUL
    /// bytes fall on one side of each pair (any script); else UTF-8 when the first 4 KiB are valid UTF-8; else Latin-1, which maps every byte
    /// to a character and so keeps the ASCII digits and keywords of any single-byte code page (Windows-1252 too).
    /// </summary>
    public static TextReader OpenText(Stream content)
    {
        byte[] head = new byte[SniffLength];
        int length = 0;
        int read;
        while (length < head.Length && (read = content.Read(head, length, head.Length - length)) > 0)
        {
            length += read;
        }

        var span = new ReadOnlySpan<byte>(head, 0, length);
        var whole = new PrefixedStream(head, length, content);
        if (Utf7TextReader.LooksLikeUtf7(span))
        {
            return new Utf7TextReader(new StreamReader(whole, Encoding.GetEncoding(28591), detectEncodingFromByteOrderMarks: false, bufferSize: ReaderBufferSize));
        }

        Encoding encoding = DetectEncoding(span);
        return new StreamReader(whole, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: ReaderBufferSize);
    }

    /// <summary>The encoding of text starting with <paramref name="head"/>.</summary>
    internal static Encoding DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (BomEncoding(head) is { } bom)
        {
            return bom;
        }

        if (Utf16WithoutBom(head) is { } utf16)
        {
            return utf16;
        }

        return IsUtf8(head) ? Utf8NoBom : Encoding.GetEncoding(28591);
    }

    private static Encoding? BomEncoding(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)
        {
            return Utf32;
        }

        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return Encoding.Unicode;
        }

        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode;
        }

        return head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? Utf8NoBom : null;
    }

    /// <summary>
    /// UTF-16 without a BOM. In ASCII-heavy text nearly all high bytes are NUL and nearly no low bytes are. In a
    /// non-Latin script (Cyrillic, Greek, Arabic, Hebrew, Indic, CJK) the high bytes are the script's block, not NUL,
    /// but spaces, digits and line breaks still put NULs in the high bytes and few in the low bytes; then the
    /// decoded text must be text: at least 95% letters, marks, digits, punctuation, symbols or white space, with no
    /// control characters (but tab and line breaks), private-use characters or unpaired surrogates. Random or
    /// compressed bytes fail that check.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        int pairs = head.Length / 2;
        if (pairs < 4)
        {
            return null;
        }

        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < pairs * 2; i += 2)
        {
            evenZero += head[i] == 0 ? 1 : 0;
            oddZero += head[i + 1] == 0 ? 1 : 0;
        }

        if (oddZero >= pairs * 0.7 && evenZero <= pairs * 0.05)
        {
            return Encoding.Unicode;
        }

        if (evenZero >= pairs * 0.7 && oddZero <= pairs * 0.05)
        {
            return Encoding.BigEndianUnicode;
        }

        if (NulsOnOneSide(oddZero, evenZero, pairs) && DecodesAsText(head, Encoding.Unicode))
        {
            return Encoding.Unicode;
        }

        return NulsOnOneSide(evenZero, oddZero, pairs) && DecodesAsText(head, Encoding.BigEndianUnicode)
            ? Encoding.BigEndianUnicode
            : null;
    }

    /// <summary>
    /// NULs in the high bytes (spaces, digits, line breaks) and few in the low bytes: some CJK ideographs end in 00
    /// (U+9000), so a few there are allowed, but at most one for every two on the high side and at most 10% of pairs.
    /// </summary>
    private static bool NulsOnOneSide(int highZero, int lowZero, int pairs) =>
        highZero >= Math.Max(2, pairs * 0.02) && lowZero <= pairs * 0.1 && highZero >= 2 * lowZero;

    private static bool DecodesAsText(ReadOnlySpan<byte> head, Encoding encoding)
    {
        byte[] bytes = head.Slice(0, head.Length & ~1).ToArray();
        string text = encoding.GetString(bytes);
        int good = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                good += 2;
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c is >= '\uE000' and <= '\uF8FF' || c == '\uFFFD'
                || (char.IsControl(c) && c is not '\t' and not '\r' and not '\n'))
            {
                if (i < text.Length - 1)
                {
                    return false;
                }

                continue;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            good += category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format ? 0 : 1;
        }

        return good >= text.Length * 0.95;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        int i = 0;
        while (i < head.Length)
        {
            byte b = head[i];
            int extra = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
            if (extra < 0 || (extra == 1 && b < 0xC2))
            {
                return false;
            }

            for (int k = 1; k <= extra; k++)
            {
                if (i + k >= head.Length)
                {
                    // A sequence cut by the end of the sniffed bytes is not evidence against UTF-8.
                    return true;
                }

                if ((head[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            i += extra + 1;
        }

        return true;
    }
}
