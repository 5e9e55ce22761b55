using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Service.Evaluation;

/// <summary>
/// Turns what the add-in read into the MIME message the gateway will see (subject, HTML or text body, each attachment as
/// its own part, attached messages as <c>message/rfc822</c>), or reads a MIME message sent as is.
/// </summary>
public static class MessageComposer
{
    /// <summary>Most recipients one request may name.</summary>
    public const int MaxRecipients = 1000;

    /// <summary>Most attachments one request may carry.</summary>
    public const int MaxAttachments = 250;

    /// <summary>Builds the message from the add-in's request.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="BadRequestException">The request is incomplete or inconsistent.</exception>
    public static ComposedMessage FromRequest(EvaluateRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        IReadOnlyList<string> to = Addresses(request.To);
        IReadOnlyList<string> cc = Addresses(request.Cc);
        IReadOnlyList<string> bcc = Addresses(request.Bcc);
        var recipients = to.Concat(cc).Concat(bcc).ToArray();
        if (recipients.Length == 0)
        {
            throw new BadRequestException("The request names no recipient: give at least one address in to, cc or bcc.");
        }

        if (recipients.Length > MaxRecipients)
        {
            throw new BadRequestException($"The request names {recipients.Length} recipients; at most {MaxRecipients} are accepted.");
        }

        IReadOnlyList<EvaluateAttachment> attachments = request.Attachments ?? Array.Empty<EvaluateAttachment>();
        if (attachments.Count > MaxAttachments)
        {
            throw new BadRequestException($"The request has {attachments.Count} attachments; at most {MaxAttachments} are accepted.");
        }

        var message = new MimeMessage();
        try
        {
            string? sender = string.IsNullOrWhiteSpace(request.Sender) ? null : request.Sender!.Trim();
            if (sender is not null)
            {
                message.From.Add(Mailbox(sender));
            }

            message.To.AddRange(to.Select(Mailbox));
            message.Cc.AddRange(cc.Select(Mailbox));
            message.Subject = request.Subject ?? string.Empty;
            message.Body = Body(request.Body, attachments);
            return new ComposedMessage(message, sender, recipients);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Reads a MIME message sent as is; the envelope comes from From, To, Cc and Bcc.</summary>
    /// <param name="mime">The message.</param>
    /// <exception cref="BadRequestException">It is not a readable message, or names no recipient.</exception>
    public static ComposedMessage FromMime(Stream mime)
    {
        if (mime is null)
        {
            throw new ArgumentNullException(nameof(mime));
        }

        MimeMessage message;
        try
        {
            message = MimeMessage.Load(MessageInspector.ParserOptions, mime, persistent: false);
        }
        catch (FormatException ex)
        {
            throw new BadRequestException("The body is not a readable e-mail message (message/rfc822).", ex);
        }

        string[] recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .Select(m => m.Address).Where(a => !string.IsNullOrWhiteSpace(a)).ToArray();
        if (recipients.Length == 0)
        {
            message.Dispose();
            throw new BadRequestException("The message names no recipient in To, Cc or Bcc.");
        }

        return new ComposedMessage(message, message.From.Mailboxes.FirstOrDefault()?.Address, recipients);
    }

    private static IReadOnlyList<string> Addresses(IReadOnlyList<string>? list) =>
        (list ?? Array.Empty<string>()).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToArray();

    // An address MimeKit cannot parse still reaches the engine as typed (it decides "invalid"), never dropped.
    private static MailboxAddress Mailbox(string address) =>
        MailboxAddress.TryParse(address, out MailboxAddress? parsed) ? parsed : new MailboxAddress(string.Empty, address);

    private static MimeEntity Body(EvaluateBody? body, IReadOnlyList<EvaluateAttachment> attachments)
    {
        bool html = string.Equals(body?.Type, "html", StringComparison.OrdinalIgnoreCase);
        var text = new TextPart(html ? "html" : "plain") { Text = body?.Content ?? string.Empty };
        if (attachments.Count == 0)
        {
            return text;
        }

        var mixed = new Multipart("mixed") { text };
        int position = 0;
        foreach (EvaluateAttachment attachment in attachments)
        {
            position++;
            mixed.Add(Attachment(attachment ?? throw new BadRequestException($"Attachment {position} is empty."), position));
        }

        return mixed;
    }

    private static MimeEntity Attachment(EvaluateAttachment attachment, int position)
    {
        string content = attachment.Content ?? string.Empty;
        string format = attachment.Format ?? "base64";
        var disposition = new ContentDisposition(attachment.IsInline ? ContentDisposition.Inline : ContentDisposition.Attachment);
        if (!string.IsNullOrEmpty(attachment.Name))
        {
            disposition.FileName = attachment.Name;
        }

        if (string.Equals(format, "eml", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var inner = MimeMessage.Load(MessageInspector.ParserOptions, new MemoryStream(Encoding.UTF8.GetBytes(content)), persistent: false);
                return new MessagePart("rfc822") { Message = inner, ContentDisposition = disposition };
            }
            catch (FormatException ex)
            {
                throw new BadRequestException($"Attachment {position} is an attached message that could not be read.", ex);
            }
        }

        if (string.Equals(format, "iCalendar", StringComparison.OrdinalIgnoreCase))
        {
            return new TextPart("calendar") { Text = content, ContentDisposition = disposition };
        }

        if (!string.Equals(format, "base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException($"Attachment {position} has format '{Clip(format)}'; expected base64, eml or iCalendar.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content);
        }
        catch (FormatException ex)
        {
            throw new BadRequestException($"Attachment {position} is not valid base64.", ex);
        }

        ContentType type = ContentType.TryParse(attachment.ContentType ?? string.Empty, out ContentType? parsed) ? parsed : new ContentType("application", "octet-stream");
        return new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(bytes, writable: false)),
            ContentDisposition = disposition,
            ContentTransferEncoding = ContentEncoding.Base64,
        };
    }

    private static string Clip(string text) => text.Length <= 20 ? text : text.Substring(0, 20);
}
