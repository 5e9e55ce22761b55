using System;
using System.Collections.Generic;
using System.IO;

namespace SecureMailGate.Cli.Mail;

/// <summary>
/// Finds the messages of an mbox in one streaming pass. A separator is a line starting <c>From </c> that begins the
/// file or follows a blank line, and is followed by a header-looking line. Any other <c>From </c> line (an unescaped
/// body line, common in real archives) is kept as text of the message it is in, so one bad line can never hide the
/// rest of the file.
/// </summary>
internal static class MboxSplitter
{
    private const int Prefix = 80;

    /// <summary>Scans <paramref name="stream"/> from <paramref name="start"/> to its end.</summary>
    public static MboxLayout Split(Stream stream, long start)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        stream.Position = start;
        var messages = new List<(long, long)>();
        var reader = new LineReader(stream, start);
        long messageStart = -1;
        long blankStart = -1; // where the blank line before a candidate separator began
        bool previousBlank = true;
        long candidateStart = -1; // a From line waiting for its next line to decide
        long candidateBlank = -1;
        int bodyFromLines = 0;
        while (reader.Next(out long lineStart, out ReadOnlySpan<byte> head, out bool blank))
        {
            if (candidateStart >= 0)
            {
                if (MailSniffer.IsHeaderLine(head) || candidateStart == start)
                {
                    if (messageStart >= 0)
                    {
                        messages.Add((messageStart, candidateBlank >= 0 ? candidateBlank : candidateStart));
                    }

                    messageStart = lineStart;
                }
                else
                {
                    bodyFromLines++;
                }

                candidateStart = -1;
            }

            if (previousBlank && head.StartsWith("From "u8))
            {
                candidateStart = lineStart;
                candidateBlank = lineStart == start ? -1 : blankStart;
                previousBlank = false;
                continue;
            }

            if (blank)
            {
                blankStart = lineStart;
            }

            previousBlank = blank;
        }

        long end = reader.Position;
        if (candidateStart >= 0)
        {
            // A separator at the very end with nothing after it: the last message ends before it.
            if (messageStart >= 0)
            {
                messages.Add((messageStart, candidateBlank >= 0 ? candidateBlank : candidateStart));
                messageStart = -1;
            }
        }

        if (messageStart >= 0)
        {
            messages.Add((messageStart, end));
        }

        return new MboxLayout(messages, bodyFromLines);
    }

    // Lines of a byte stream with their offsets and first bytes; a line of any length costs no memory.
    private sealed class LineReader
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly byte[] _head = new byte[Prefix];
        private int _offset;
        private int _count;

        public LineReader(Stream stream, long start)
        {
            _stream = stream;
            Position = start;
        }

        public long Position { get; private set; }

        public bool Next(out long lineStart, out ReadOnlySpan<byte> head, out bool blank)
        {
            lineStart = Position;
            int headLength = 0;
            long length = 0;
            bool any = false;
            while (true)
            {
                if (_offset == _count)
                {
                    _count = _stream.Read(_buffer, 0, _buffer.Length);
                    _offset = 0;
                    if (_count == 0)
                    {
                        break;
                    }
                }

                any = true;
                byte b = _buffer[_offset++];
                Position++;
                if (b == (byte)'\n')
                {
                    break;
                }

                if (headLength < _head.Length)
                {
                    _head[headLength++] = b;
                }

                length++;
            }

            int visible = headLength > 0 && _head[headLength - 1] == (byte)'\r' && length == headLength ? headLength - 1 : headLength;
            head = _head.AsSpan(0, visible);
            blank = length == 0 || (length == 1 && _head[0] == (byte)'\r');
            return any;
        }
    }
}
