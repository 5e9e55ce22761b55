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
