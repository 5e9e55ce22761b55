using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MimeKit;
using MimeKit.IO;
using MimeKit.Tnef;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Cli.Mail;

/// <summary>
/// Reads the messages of a mail file whose kind <see cref="MailSniffer"/> decided: one MIME message, every message
/// of an mbox (a message that cannot be parsed is reported and reading carries on with the next), or the message
/// a saved winmail.dat carries. Messages are parsed one at a time; the caller disposes each.
/// </summary>
internal static class MailFile
{
    /// <summary>The messages of <paramref name="stream"/> (seekable, left open), labelled from <paramref name="label"/>.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="label">The file name used in labels.</param>
    /// <param name="sniff">What the file holds; not <see cref="MailKind.NotMail"/>.</param>
    /// <param name="layout">For an mbox, where its messages lie (<see cref="MboxSplitter.Split"/>).</param>
    public static IEnumerable<MailItem> Read(Stream stream, string label, MailSniff sniff, MboxLayout? layout)
    {
        if (stream is null || label is null || sniff is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : label is null ? nameof(label) : nameof(sniff));
        }

        switch (sniff.Kind)
        {
            case MailKind.Tnef:
                stream.Position = 0;
                yield return ReadTnef(label, stream);
                break;
            case MailKind.Mbox:
                MboxLayout messages = layout ?? MboxSplitter.Split(stream, sniff.Start);
                for (int i = 0; i < messages.Messages.Count; i++)
                {
                    (long start, long end) = messages.Messages[i];
                    yield return Parse($"{label}#{i + 1}", stream, start, end);
                }

                break;
            case MailKind.Mime:
                yield return Parse(label, stream, sniff.Start, stream.Length);
                break;
            default:
                throw new ArgumentException("Only mail can be read; sniff the file first.", nameof(sniff));
        }
    }

    private static MailItem Parse(string label, Stream stream, long start, long end)
    {
        if (end <= start)
        {
            return new MailItem(label, null, MailProblem.EmptyMessage);
        }

        // persistent: false: the message owns its content, so the next message can be read from the same stream.
        var part = new BoundStream(stream, start, end, leaveOpen: true);
        try
        {
            return new MailItem(label, MimeMessage.Load(MessageInspector.ParserOptions, part, persistent: false), null);
        }
        catch (FormatException)
        {
            return new MailItem(label, null, MailProblem.UnparseableMessage);
        }
        finally
        {
            part.Dispose();
        }
    }

    private static bool CutShort(Stream tnef)
    {
        using var check = new TnefReader(tnef, 0, TnefComplianceMode.Loose);
        try
        {
            while (check.ReadNextAttribute())
            {
            }
        }
        catch (TnefException)
        {
            return true;
        }

        return (check.ComplianceStatus & (TnefComplianceStatus.StreamTruncated | TnefComplianceStatus.InvalidAttributeLength)) != 0;
    }

    private static MailItem ReadTnef(string label, Stream stream)
    {
        try
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);

            // MimeKit's conversion is lenient and turns a truncated stream into an empty message: read it first and
            // report a stream that is cut short as damaged, rather than evaluate what is left as if it were whole.
            // A stream whose damage MimeKit reads past (garbage after the last attribute) still yields its message.
            // The reader closes the stream it is given: it gets its own view of the bytes.
            bool cutShort = CutShort(new MemoryStream(copy.GetBuffer(), 0, (int)copy.Length, writable: false));

            copy.Position = 0;
            var part = new TnefPart { Content = new MimeContent(copy) };
            MimeMessage message = part.ConvertToMessage();
            if (cutShort && !message.BodyParts.Any())
            {
                message.Dispose();
                return new MailItem(label, null, MailProblem.DamagedTnef);
            }

            return new MailItem(label, message, null);
        }
        catch (Exception ex) when (ex is TnefException or FormatException or IOException or ArgumentException or InvalidOperationException)
        {
            return new MailItem(label, null, MailProblem.DamagedTnef);
        }
    }
}
