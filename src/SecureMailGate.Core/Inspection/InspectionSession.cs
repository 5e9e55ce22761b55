using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Tnef;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// One message's inspection: walks the MIME tree (attached messages and TNEF included), sends text to the
/// scanner and attachments to the first reader that takes them, and turns failures of single attachments into
/// findings so one bad file never stops the rest.
/// </summary>
internal sealed class InspectionSession
{
    private readonly IReadOnlyList<IAttachmentReader> _readers;

    public InspectionSession(TextScanner scanner, IReadOnlyList<IAttachmentReader> readers, InspectionBudget budget)
    {
        Scanner = scanner;
        _readers = readers;
        Budget = budget;
    }

    public TextScanner Scanner { get; }

    public InspectionBudget Budget { get; }

    public List<Finding> Findings { get; } = new();

    /// <summary>Walks an entity. Body text is reported at <paramref name="bodyLocation"/>; attachments under <paramref name="prefix"/>.</summary>
    public void InspectEntity(MimeEntity? entity, string bodyLocation, string prefix, int depth)
    {
        if (entity is null)
        {
            return;
        }

        Budget.ChargeEntry();
        switch (entity)
        {
            case Multipart multipart:
                foreach (MimeEntity child in multipart)
                {
                    InspectEntity(child, bodyLocation, prefix, depth);
                }

                break;
            case MessagePart { Message: { } inner } part:
                string name = NameOf(part, inner);
                InspectEmbeddedMessage(inner, prefix + name, depth);
                break;
            case TnefPart tnef:
                // A TNEF body belongs to the message that carries it; its attachments are that message's attachments.
                InspectGuarded(prefix + NameOf(tnef), depth + 1, () =>
                {
                    MimeMessage converted = tnef.ConvertToMessage();
                    InspectEntity(converted.Body, bodyLocation, prefix, depth);
                });
                break;
            case TextPart text when !text.IsAttachment && string.IsNullOrEmpty(text.FileName):
                ScanTextPart(text, bodyLocation);
                break;
            case ApplicationPkcs7Mime pkcs7:
                string smimePath = prefix + NameOf(pkcs7);
                InspectGuarded(smimePath, depth + 1, () => InspectPkcs7(pkcs7, bodyLocation, prefix, smimePath, depth + 1));
                break;
            case MimePart opaque when opaque.ContentType.IsMimeType("multipart", "*") || opaque.ContentType.IsMimeType("message", "rfc822"):
                // Nested deeper than the parser reads (MessageInspector.ParserOptions.MaxMimeDepth): the rest of the
                // structure was kept as one unread part, so this is a limit, never silence.
                Findings.Add(new Finding(FindingKinds.InspectionLimit, "attachment:" + prefix + NameOf(opaque), Confidence.High));
                break;
            case MimePart attachment:
                string path = prefix + NameOf(attachment);
                InspectGuarded(path, depth + 1, () =>
                {
                    using Stream content = attachment.Content?.Open() ?? Stream.Null;
                    InspectAttachment(path, attachment.ContentType.MimeType.ToLowerInvariant(), content, depth + 1);
                });
                break;
        }
    }

    /// <summary>Inspects a message attached to (or found inside) the one being inspected: all of it is located at <paramref name="path"/>.</summary>
    public void InspectEmbeddedMessage(MimeMessage message, string path, int depth)
    {
        InspectGuarded(path, depth + 1, () =>
        {
            string location = "attachment:" + path;
            if (message.Subject is { Length: > 0 } subject)
            {
                Scanner.Scan(subject, location, Findings);
            }

            InspectEntity(message.Body, location, path + "/", depth + 1);
        });
    }

    /// <summary>Sniffs an attachment and hands it to the first reader that takes it.</summary>
    public void InspectAttachment(string path, string mediaType, Stream content, int depth)
    {
        Budget.CheckDepth(depth);
        Budget.ChargeEntry();
        var budgeted = new BudgetedStream(content, Budget);
        byte[] head = new byte[AttachmentProbe.HeadLength];
        int headLength = ReadUpTo(budgeted, head);
        string fileName = path.Substring(path.LastIndexOf('/') + 1);
        var probe = new AttachmentProbe(fileName, mediaType, new ReadOnlyMemory<byte>(head, 0, headLength));
        IAttachmentReader? reader = _readers.FirstOrDefault(r => r.CanRead(probe));
        if (reader is null)
        {
            return;
        }

        var context = new AttachmentContext(this, path, depth);
        using var whole = new PrefixedStream(head, headLength, budgeted);
        try
        {
            reader.Read(whole, context);
        }
        catch (Exception ex) when (ex is not InspectionLimitException and not OperationCanceledException)
        {
            // A corrupt or unsupported file: say so, and go on with the rest of the message.
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, context.Location, Confidence.High));
        }
    }

    /// <summary>
    /// Opaque-signed S/MIME carries the message inside the signature: its content is inspected as the message itself
    /// (the signature is not checked, only unwrapped). Encrypted or compressed S/MIME cannot be read here, and says so.
    /// </summary>
    private void InspectPkcs7(ApplicationPkcs7Mime pkcs7, string bodyLocation, string prefix, string path, int depth)
    {
        if (pkcs7.SecureMimeType != SecureMimeType.SignedData || pkcs7.Content is null)
        {
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, "attachment:" + path, Confidence.High));
            return;
        }

        using var signed = new BudgetedStream(pkcs7.Content.Open(), Budget);
        var data = new Org.BouncyCastle.Cms.CmsSignedData(signed);
        if (data.SignedContent is null)
        {
            // Detached signature without its content: nothing of the message is here to read.
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, "attachment:" + path, Confidence.High));
            return;
        }

        using var content = new MemoryStream();
        data.SignedContent.Write(content);
        content.Position = 0;
        InspectEntity(MimeEntity.Load(MessageInspector.ParserOptions, content), bodyLocation, prefix, depth);
    }

    private void ScanTextPart(TextPart part, string location)
    {
        if (part.Content is null)
        {
            return;
        }

        using var decoded = new BudgetedStream(part.Content.Open(), Budget);
        var reader = new StreamReader(decoded, EncodingOf(part), detectEncodingFromByteOrderMarks: true);
        using TextReader text = part.IsHtml ? new HtmlTextReader(reader)
            : part.IsRichText ? new RtfTextReader(reader)
            : IsFlowed(part, out bool deleteSpace) ? new FlowedTextReader(reader, deleteSpace)
            : reader;
        Scanner.Scan(text, location, Findings, budget: null);
    }

    private static bool IsFlowed(TextPart part, out bool deleteSpace)
    {
        deleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        return part.IsPlain && string.Equals(part.ContentType.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase);
    }

    private void InspectGuarded(string path, int depth, Action inspect)
    {
        Budget.CheckDepth(depth);
        try
        {
            inspect();
        }
        catch (Exception ex) when (ex is not InspectionLimitException and not OperationCanceledException)
        {
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, "attachment:" + path, Confidence.High));
        }
    }

    private static Encoding EncodingOf(TextPart part)
    {
        try
        {
            return part.ContentType.CharsetEncoding ?? Encoding.UTF8;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // An unknown charset: Latin-1 keeps every digit and ASCII keyword readable.
            return Encoding.GetEncoding(28591);
        }
    }

    private static string NameOf(MimeEntity entity, MimeMessage? message = null)
    {
        string? name = (entity as MimePart)?.FileName ?? entity.ContentDisposition?.FileName ?? entity.ContentType.Name;
        if (string.IsNullOrWhiteSpace(name) && message is not null && !string.IsNullOrWhiteSpace(message.Subject))
        {
            name = message.Subject + ".eml";
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            name = entity switch
            {
                MessagePart => "message.eml",
                TnefPart => "winmail.dat",
                _ => "unnamed",
            };
        }

        // A '/' inside a name would read as nesting.
        return name!.Replace('/', '_').Replace('\\', '_').Trim();
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
