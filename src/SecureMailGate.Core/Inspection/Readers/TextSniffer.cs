using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Decides whether bytes are text, and opens them as text.</summary>
internal static class TextSniffer
{
    /// <summary>True when the head has a UTF-16 BOM, or holds no NUL byte (binary formats almost always do).</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head) =>
        (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        || head.IndexOf((byte)0) < 0;

    /// <summary>
    /// A reader over the content: a BOM (UTF-8, UTF-16, UTF-32) decides the encoding, otherwise UTF-8. Bytes that
    /// are not UTF-8 become U+FFFD, which leaves the ASCII digits and keywords the detectors look for intact.
    /// </summary>
    public static TextReader OpenText(Stream content) =>
        new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
}
