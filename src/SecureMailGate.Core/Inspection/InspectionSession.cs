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

    /// <summary>How many attachments each container (by path prefix) has had so far.</summary>
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    public InspectionSession(TextScanner scanner, IReadOnlyList<IAttachmentReader> readers, InspectionBudget budget)
    {
        Scanner = scanner;
        _readers = readers;
        Budget = budget;
    }

    public TextScanner Scanner { get; }

    public InspectionBudget Budget { get; }

    private const int MaxRememberedCharsets = 64;

    // Charset name to encoding, shared by every inspection (encodings are immutable and thread-safe).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Encoding> Charsets = new(StringComparer.OrdinalIgnoreCase);

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
                // Text outside every part (before the first boundary, after the last) is still in the message.
                ScanPlace(multipart.Preamble, bodyLocation);
                ScanPlace(multipart.Epilogue, bodyLocation);
                ScanPlace(multipart.Headers[HeaderId.ContentDescription], bodyLocation);
                foreach (MimeEntity child in multipart)
                {
                    InspectEntity(child, bodyLocation, prefix, depth);
                }

                break;
            case MessagePart { Message: { } inner } part:
                string messagePath = NextSegment(prefix, NameOf(part));
                ScanPlace((part.ContentDisposition?.FileName ?? part.ContentType.Name) + "\n" + part.Headers[HeaderId.ContentDescription], AttachmentLocation(messagePath));
                InspectEmbeddedMessage(inner, messagePath, depth);
                break;
            case TnefPart tnef:
                // A TNEF body belongs to the message that carries it; its attachments are that message's attachments.
                InspectGuarded(NextSegment(prefix, NameOf(tnef)), depth + 1, () =>
                {
                    MimeMessage converted = tnef.ConvertToMessage();
                    InspectEntity(converted.Body, bodyLocation, prefix, depth);
                });
                break;
            case TextPart text when !text.IsAttachment && string.IsNullOrEmpty(text.FileName):
                ScanPlace(text.Headers[HeaderId.ContentDescription], bodyLocation);
                ScanTextPart(text, bodyLocation);
                break;
            case ApplicationPkcs7Mime pkcs7:
                string smimePath = NextSegment(prefix, NameOf(pkcs7));
                InspectGuarded(smimePath, depth + 1, () => InspectPkcs7(pkcs7, bodyLocation, prefix, smimePath, depth + 1));
                break;
            case MimePart opaque when opaque.ContentType.IsMimeType("multipart", "*") || opaque.ContentType.IsMimeType("message", "rfc822"):
                // Nested deeper than the parser reads (MessageInspector.ParserOptions.MaxMimeDepth): the rest of the
                // structure was kept as one unread part, so this is a limit, never silence.
                Findings.Add(new Finding(FindingKinds.InspectionLimit, AttachmentLocation(NextSegment(prefix, NameOf(opaque))), Confidence.High, FindingReasons.TooDeep));
                break;
            case MimePart attachment:
                string name = NameOf(attachment) ?? string.Empty;
                string path = NextSegment(prefix, name);
                InspectGuarded(path, depth + 1, () =>
                {
                    ScanPlace(attachment.Headers[HeaderId.ContentDescription], AttachmentLocation(path));
                    using Stream content = attachment.Content?.Open() ?? Stream.Null;
                    InspectAttachment(path, name, attachment.ContentType.MimeType.ToLowerInvariant(), content, depth + 1);
                });
                break;
        }
    }

    public void InspectEmbeddedMessage(MimeMessage message, string path, int depth)
    {
        InspectGuarded(path, depth + 1, () =>
        {
            string location = AttachmentLocation(path);
            if (message.Subject is { Length: > 0 } subject)
            {
                Scanner.Scan(subject, location, Findings);
            }

            // The attached message's own headers are places too: display names, thread topic, keywords.
            ScanPlace(HeaderPlaces.Text(message), location);

            InspectEntity(message.Body, location, path + "/", depth + 1);
        });
    }

    /// <summary>Sniffs an attachment and hands it to the first reader that takes it.</summary>
    public void InspectAttachment(string path, string fileName, string mediaType, Stream content, int depth)
    {
        Budget.CheckDepth(depth);
        Budget.ChargeEntry();
        var budgeted = new BudgetedStream(content, Budget);
        // Pooled: one attachment after another would otherwise each leave an 8 KB array behind.
        byte[] head = System.Buffers.ArrayPool<byte>.Shared.Rent(AttachmentProbe.HeadLength);
        try
        {
            int headLength = ReadUpTo(budgeted, head, AttachmentProbe.HeadLength);
            // The file's name is a place: "Evans Margaret NHS 943 476 5919.txt" is found, located at the file, never quoted.
            ScanPlace(fileName, AttachmentLocation(path));
            var probe = new AttachmentProbe(fileName, mediaType, new ReadOnlyMemory<byte>(head, 0, headLength));
            IAttachmentReader? reader = _readers.FirstOrDefault(r => r.CanRead(probe));
            if (reader is not null)
            {
                ReadWith(reader, new PrefixedStream(head, headLength, budgeted), new AttachmentContext(this, path, depth, fileName));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(head);
        }
    }

    private void ReadWith(IAttachmentReader reader, PrefixedStream whole, AttachmentContext context)
    {
        using (whole)
        {
            try
            {
                reader.Read(whole, context);
            }
            catch (InspectionLimitException limit)
            {
                // The innermost attachment names where the limit was reached; the inspection stops there.
                limit.Location ??= context.Location;
                throw;
            }
            catch (OutOfMemoryException ex)
            {
                // Memory is a limit like time: never a merely unreadable file, which an administrator may choose to ignore.
                throw OutOfMemory(context.Location, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A corrupt or unsupported file: say so, and go on with the rest of the message.
                Findings.Add(new Finding(FindingKinds.UnreadableAttachment, context.Location, Confidence.High, FindingReasons.Of(ex)));
            }
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
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, AttachmentLocation(path), Confidence.High, FindingReasons.Encrypted));
            return;
        }

        using var signed = new BudgetedStream(pkcs7.Content.Open(), Budget);
        var data = new Org.BouncyCastle.Cms.CmsSignedData(signed);
        if (data.SignedContent is null)
        {
            // Detached signature without its content: nothing of the message is here to read.
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, AttachmentLocation(path), Confidence.High, FindingReasons.DetachedSignature));
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
        TextReader reader = IsUtf7(part)
            ? new Readers.Utf7TextReader(new StreamReader(decoded, Encoding.GetEncoding(28591), detectEncodingFromByteOrderMarks: false))
            : new StreamReader(decoded, EncodingOf(part), detectEncodingFromByteOrderMarks: true);
        using TextReader text = part.IsHtml ? new HtmlTextReader(reader)
            : part.IsRichText ? new RtfTextReader(reader)
            : IsFlowed(part, out bool deleteSpace) ? new FlowedTextReader(reader, deleteSpace)
            : reader;
        Scanner.Scan(text, location, Findings, budget: null);
    }

    /// <summary>Runs the detectors over text found outside the parts' content (a name, a description, a preamble).</summary>
    private void ScanPlace(string? text, string location)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Budget.ChargeCharacters(text!.Length);
            Scanner.Scan(text, location, Findings);
        }
    }

    /// <summary>UTF-7 (RFC 2152), which may hide every digit in base64; decoded by <see cref="Readers.Utf7TextReader"/>.</summary>
    private static bool IsUtf7(TextPart part)
    {
        string? charset = part.ContentType.Charset?.Trim();
        return string.Equals(charset, "utf-7", StringComparison.OrdinalIgnoreCase)
            || string.Equals(charset, "unicode-1-1-utf-7", StringComparison.OrdinalIgnoreCase)
            || string.Equals(charset, "x-unicode-2-0-utf-7", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsFlowed(TextPart part, out bool deleteSpace)
    {
        deleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        return part.IsPlain && string.Equals(part.ContentType.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase);
    }

    private void InspectGuarded(string path, int depth, Action inspect)
    {
        try
        {
            Budget.CheckDepth(depth);
            inspect();
        }
        catch (InspectionLimitException limit)
        {
            limit.Location ??= AttachmentLocation(path);
            throw;
        }
        catch (OutOfMemoryException ex)
        {
            throw OutOfMemory(AttachmentLocation(path), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Findings.Add(new Finding(FindingKinds.UnreadableAttachment, AttachmentLocation(path), Confidence.High, FindingReasons.Of(ex)));
        }
    }

    /// <summary>The location of the attachment at <paramref name="path"/> (positions, never names).</summary>
    /// <param name="path">The attachment's path of segments, e.g. <c>2.zip/3.txt</c>.</param>
    /// <returns><c>attachment:</c> and the path.</returns>
    public static string AttachmentLocation(string path) => "attachment:" + path;

    /// <summary>
    /// The path of the next attachment in the container at <paramref name="prefix"/>: its 1-based position there
    /// and, when the name ends in a short plain extension, that extension. The name itself never appears, because
    /// names of files carry identifiers.
    /// </summary>
    /// <param name="prefix">The container's path followed by <c>/</c>, or empty for the message itself.</param>
    /// <param name="name">The attachment's file name, used for its extension only.</param>
    /// <returns>The attachment's path, e.g. <c>2.zip/3.txt</c>.</returns>
    public string NextSegment(string prefix, string? name)
    {
        _positions.TryGetValue(prefix, out int position);
        position++;
        _positions[prefix] = position;
        string extension = ExtensionOf(name);
        return prefix + position.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (extension.Length > 0 ? "." + extension : string.Empty);
    }

    /// <summary>
    /// A file name's extension when it is one to five ASCII letters or digits with at least one letter (so no run of
    /// digits from a name can reach a trace), lower-cased; otherwise empty.
    /// </summary>
    /// <param name="name">The file name.</param>
    /// <returns>The extension without its dot, or empty.</returns>
    internal static string ExtensionOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        string trimmed = name!.Trim();
        int dot = trimmed.LastIndexOf('.');
        if (dot < 0 || dot == trimmed.Length - 1 || trimmed.Length - dot - 1 > 5)
        {
            return string.Empty;
        }

        bool letter = false;
        for (int i = dot + 1; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            bool isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!isLetter && !(c >= '0' && c <= '9'))
            {
                return string.Empty;
            }

            letter |= isLetter;
        }

        return letter ? trimmed.Substring(dot + 1).ToLowerInvariant() : string.Empty;
    }

    private static InspectionLimitException OutOfMemory(string location, OutOfMemoryException cause) =>
        new(FindingReasons.MemoryCap, "The inspection ran out of memory.", cause) { Location = location };

    private static Encoding EncodingOf(TextPart part)
    {
        string? charset = part.ContentType.Charset;
        if (charset is null)
        {
            return Encoding.UTF8;
        }

        // Looking a code page up costs more than reading a short part: remember the few charsets real mail uses.
        if (Charsets.TryGetValue(charset, out Encoding? known))
        {
            return known;
        }

        Encoding encoding;
        try
        {
            encoding = part.ContentType.CharsetEncoding ?? Encoding.UTF8;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // An unknown charset: Latin-1 keeps every digit and ASCII keyword readable.
            encoding = Encoding.GetEncoding(28591);
        }

        // Bounded: the names come from the mail, so a stream of made-up charsets must not grow it without end.
        if (Charsets.Count < MaxRememberedCharsets)
        {
            Charsets.TryAdd(charset, encoding);
        }

        return encoding;
    }

    private static string? NameOf(MimeEntity entity)
    {
        string? name = (entity as MimePart)?.FileName ?? entity.ContentDisposition?.FileName ?? entity.ContentType.Name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return entity switch
        {
            MessagePart => "message.eml",
            TnefPart => "winmail.dat",
            _ => null,
        };
    }

    private static int ReadUpTo(Stream stream, byte[] buffer, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = stream.Read(buffer, total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
