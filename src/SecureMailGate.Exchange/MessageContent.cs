using System;
using System.IO;
using MimeKit;

namespace SecureMailGate.Exchange;

/// <summary>
/// Reads and changes a message's header block with MimeKit while copying the body byte for byte, so the
/// agent's only changes are the ones it means to make (the stamp, and the encryption token in the subject).
/// </summary>
internal static class MessageContent
{
    /// <summary>Parses the header block of <paramref name="mime"/>.</summary>
    public static HeaderList ReadHeaders(byte[] mime)
    {
        using var headerBlock = new MemoryStream(mime, 0, HeaderBlockLength(mime), writable: false);
        return HeaderList.Load(headerBlock);
    }

    /// <summary>
    /// Returns the message with the stamp set and, when <paramref name="subjectToken"/> is given, the token
    /// prepended to the subject (unless the subject already holds it, so a second pass never doubles it).
    /// </summary>
    public static byte[] Rewrite(byte[] mime, string stamp, string? subjectToken)
    {
        var headerLength = HeaderBlockLength(mime);
        var headers = ReadHeaders(mime);
        headers.RemoveAll(ProcessingStamp.HeaderName);
        headers.Add(ProcessingStamp.HeaderName, stamp);
        if (!string.IsNullOrEmpty(subjectToken))
        {
            var subject = headers[HeaderId.Subject];
            if (subject is null || subject.IndexOf(subjectToken, StringComparison.OrdinalIgnoreCase) < 0)
            {
                headers[HeaderId.Subject] = string.IsNullOrWhiteSpace(subject) ? subjectToken! : subjectToken + " " + subject;
            }
        }

        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = UsesCrLf(mime, headerLength) ? NewLineFormat.Dos : NewLineFormat.Unix;
        using var output = new MemoryStream(mime.Length + 512);
        // HeaderList.WriteTo ends with the blank line itself, so the original blank line is not copied again.
        headers.WriteTo(format, output);
        var bodyStart = headerLength + BlankLineLength(mime, headerLength);
        output.Write(mime, bodyStart, mime.Length - bodyStart);
        return output.ToArray();
    }

    /// <summary>Length of the header block: up to and including the last header line, before the blank line.</summary>
    internal static int HeaderBlockLength(byte[] mime)
    {
        if (mime.Length > 0 && (mime[0] == (byte)'\n' || (mime[0] == (byte)'\r' && mime.Length > 1 && mime[1] == (byte)'\n')))
        {
            return 0;
        }

        for (var i = 0; i < mime.Length - 1; i++)
        {
            if (mime[i] != (byte)'\n')
            {
                continue;
            }

            if (mime[i + 1] == (byte)'\n' || (mime[i + 1] == (byte)'\r' && i + 2 < mime.Length && mime[i + 2] == (byte)'\n'))
            {
                return i + 1;
            }
        }

        return mime.Length;
    }

    private static int BlankLineLength(byte[] mime, int at)
    {
        if (at < mime.Length && mime[at] == (byte)'\n')
        {
            return 1;
        }

        return at + 1 < mime.Length && mime[at] == (byte)'\r' && mime[at + 1] == (byte)'\n' ? 2 : 0;
    }

    private static bool UsesCrLf(byte[] mime, int headerLength)
    {
        var firstLf = Array.IndexOf(mime, (byte)'\n', 0, Math.Max(headerLength, Math.Min(mime.Length, 2)));
        return firstLf <= 0 || mime[firstLf - 1] == (byte)'\r';
    }
}
