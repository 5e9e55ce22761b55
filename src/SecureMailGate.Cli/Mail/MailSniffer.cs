using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Cli.Mail;

/// <summary>
/// Tells mail from everything else by content: a TNEF signature, an mbox <c>From </c> line, or a block of header
/// fields that includes at least one field every e-mail has (From, To, Subject, Date, Message-ID, Received...).
/// A UTF-8 byte-order mark is skipped. Reads at most the first 64 KiB and leaves the stream where it found it.
/// </summary>
internal static class MailSniffer
{
    private const int HeadLength = 64 * 1024;

    // The little-endian signature that starts every TNEF stream.
    private static readonly byte[] TnefSignature = { 0x78, 0x9F, 0x3E, 0x22 };

    private static readonly byte[] Utf8ByteOrderMark = { 0xEF, 0xBB, 0xBF };

    private static readonly HashSet<string> MailFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "received", "return-path", "mime-version",
        "content-type", "sender", "reply-to", "delivered-to", "x-mailer", "in-reply-to", "references",
    };

    /// <summary>Sniffs a seekable stream from its current position; the position is restored.</summary>
    public static MailSniff Sniff(Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        long origin = stream.Position;
        byte[] head = new byte[HeadLength];
        int length = 0;
        int read;
        while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0)
        {
            length += read;
        }

        stream.Position = origin;
        return Sniff(head.AsSpan(0, length));
    }

    /// <summary>Sniffs the first bytes of a file.</summary>
    public static MailSniff Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(TnefSignature))
        {
            return new MailSniff(MailKind.Tnef, 0, null);
        }

        int start = head.StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
        ReadOnlySpan<byte> text = head.Slice(start);
        if (text.IsEmpty)
        {
            return new MailSniff(MailKind.NotMail, start, "empty file");
        }

        if (text.IndexOf((byte)0) >= 0)
        {
            return new MailSniff(MailKind.NotMail, start, "binary file, not e-mail");
        }

        if (text.StartsWith("From "u8))
        {
            return new MailSniff(MailKind.Mbox, start, null);
        }

        return LooksLikeHeaderBlock(text)
            ? new MailSniff(MailKind.Mime, start, null)
            : new MailSniff(MailKind.NotMail, start, "no e-mail headers (From, To, Subject, Date...)");
    }

    /// <summary>Whether a line (without its line break) is a header field: a name of letters, digits and hyphens, then a colon.</summary>
    public static bool IsHeaderLine(ReadOnlySpan<byte> line) => FieldName(line) is not null;

    // Every line up to the first blank one (or the end of what was read) is a field or a continuation, and at
    // least one field is one that e-mail carries.
    private static bool LooksLikeHeaderBlock(ReadOnlySpan<byte> text)
    {
        bool mailField = false;
        bool first = true;
        while (!text.IsEmpty)
        {
            int end = text.IndexOf((byte)'\n');
            bool complete = end >= 0;
            ReadOnlySpan<byte> line = complete ? text.Slice(0, end) : text;
            text = complete ? text.Slice(end + 1) : ReadOnlySpan<byte>.Empty;
            if (line.EndsWith("\r"u8))
            {
                line = line.Slice(0, line.Length - 1);
            }

            if (line.IsEmpty)
            {
                break;
            }

            if (!first && (line[0] == (byte)' ' || line[0] == (byte)'\t'))
            {
                continue;
            }

            string? name = FieldName(line);
            if (name is null)
            {
                // A line cut off by the end of what was read proves nothing either way.
                if (!complete)
                {
                    break;
                }

                return false;
            }

            mailField |= MailFields.Contains(name);
            first = false;
        }

        return mailField;
    }

    private static string? FieldName(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0 || colon > 76)
        {
            return null;
        }

        ReadOnlySpan<byte> name = line.Slice(0, colon).TrimEnd((byte)' ');
        if (name.IsEmpty)
        {
            return null;
        }

        foreach (byte b in name)
        {
            bool ok = b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.';
            if (!ok)
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(name);
    }
}
