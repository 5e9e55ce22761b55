using System;
using System.Collections.Generic;
using MimeKit;

namespace SecureMailGate.Isolation;

/// <summary>
/// Decides which messages may be inspected in the host process without a worker. Shown safe because: the host parses
/// at most <see cref="MaxBytes"/> of MIME, with MimeKit's parser bounded in nesting (<c>MessageInspector.ParserOptions</c>)
/// and linear in memory; and such a message is inspected in-process only if every part is a <c>text/plain</c> or
/// <c>text/html</c> body part (no attachment, no file name), whose text goes only to the line scanner and the streaming
/// HTML-to-text reader. TNEF, RTF, attached messages, S/MIME and every attachment reader — the code that can recurse,
/// hang or balloon on hostile input — are never reached in the host.
/// </summary>
internal static class InProcessEligibility
{
    /// <summary>Largest message (MIME bytes) inspected in the host.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Most parts a message inspected in the host may have.</summary>
    public const int MaxParts = 64;

    /// <summary>Whether a stream is small enough to parse in the host.</summary>
    public static bool IsSmall(System.IO.Stream mime) => mime.CanSeek && mime.Length - mime.Position <= MaxBytes;

    /// <summary>
    /// Reads only the top-level header block of a small, seekable message and says whether its content type rules out
    /// the fast path (anything but <c>text/plain</c>, <c>text/html</c> or <c>multipart/alternative</c>): such a message
    /// goes to a worker without being parsed whole in the host first, which would be parsed again there. Leaves the
    /// stream where it was. A header block that cannot be read is left to the full parse, which reports it.
    /// </summary>
    /// <param name="mime">The message, seekable.</param>
    /// <param name="messageId">Set from the header when not known yet, so a worker's failure still names the message.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>True when the message certainly goes to a worker.</returns>
    public static bool ClearlyForAWorker(System.IO.Stream mime, ref string? messageId, System.Threading.CancellationToken cancellationToken)
    {
        long start = mime.Position;
        try
        {
            HeaderList headers = HeaderList.Load(SecureMailGate.Core.Inspection.MessageInspector.ParserOptions, mime, cancellationToken);
            string? type = headers[HeaderId.ContentType];
            if (type is null || !ContentType.TryParse(SecureMailGate.Core.Inspection.MessageInspector.ParserOptions, type, out ContentType? contentType)
                || contentType is null || contentType.IsMimeType("text", "plain") || contentType.IsMimeType("text", "html") || contentType.IsMimeType("multipart", "alternative"))
            {
                return false;
            }

            messageId ??= headers[HeaderId.MessageId] is { } id ? SecureMailGate.Core.Inspection.InspectedMessage.Bracketed(MimeKit.Utils.MimeUtils.ParseMessageId(id)) : null;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        finally
        {
            mime.Position = start;
        }
    }

    /// <summary>Whether a parsed message holds only plain-text and HTML body parts, within the size bound.</summary>
    /// <param name="message">The message.</param>
    /// <param name="knownSmall">The message was parsed from at most <see cref="MaxBytes"/>, so its parts need not be measured.</param>
    public static bool IsTextOnly(MimeMessage message, bool knownSmall)
    {
        if (message.Body is null)
        {
            return true;
        }

        long bytes = 0;
        int parts = 0;
        var pending = new Stack<MimeEntity>();
        pending.Push(message.Body);
        while (pending.Count > 0)
        {
            MimeEntity entity = pending.Pop();
            if (++parts > MaxParts)
            {
                return false;
            }

            if (entity is Multipart multipart)
            {
                foreach (MimeEntity child in multipart)
                {
                    pending.Push(child);
                }

                continue;
            }

            if (entity is not TextPart text || !(text.IsPlain || text.IsHtml) || text.IsAttachment || !string.IsNullOrEmpty(text.FileName))
            {
                return false;
            }

            if (!knownSmall)
            {
                System.IO.Stream? content = text.Content?.Stream;
                if (content is null || !content.CanSeek)
                {
                    return false;
                }

                bytes += content.Length;
                if (bytes > MaxBytes)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
