using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads OLE compound files (signature D0 CF 11 E0 A1 B1 1A E1) for the one thing that matters here, encryption:
/// <list type="bullet">
/// <item>encrypted OOXML (a password-protected .docx/.xlsx/.pptx): streams <c>EncryptionInfo</c> and <c>EncryptedPackage</c>;</item>
/// <item>Word 97-2003: the FIB's <c>fEncrypted</c> bit (bit 8 of the flags word at offset 10 of <c>WordDocument</c>);</item>
/// <item>Excel 97-2003: a <c>FILEPASS</c> record (type 0x002F) among the first records of the <c>Workbook</c> stream;</item>
/// <item>PowerPoint 97-2003: an <c>EncryptedSummary</c> stream beside <c>PowerPoint Document</c> (heuristic: PowerPoint writes it only for encrypted files).</item>
/// </list>
/// Each gives <c>encrypted-attachment</c>. Otherwise: the text of legacy binary Office files and of Outlook
/// <c>.msg</c> files (which MimeKit cannot read) is not extracted, and they are reported as
/// <c>unreadable-attachment</c> so an administrator can see they were not inspected; other compound files
/// (embedded OLE objects) are passed over. When the structure is damaged, the stream names are looked for as
/// UTF-16LE bytes anywhere in the file.
/// Memory: the file is copied into memory, at most the budget's remaining <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>.
/// </summary>
public sealed class CompoundFileAttachmentReader : AttachmentReader
{
    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return probe.StartsWith(CompoundFile.Signature);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        using MemoryStream buffer = BoundedBuffer.ReadAll(content, context.Budget);
        byte[] data = buffer.GetBuffer();
        int length = (int)buffer.Length;
        CompoundFile file;
        try
        {
            file = CompoundFile.Open(data, length);
        }
        catch (FormatException)
        {
            if (ContainsUtf16(data, length, "EncryptedPackage") && ContainsUtf16(data, length, "EncryptionInfo"))
            {
                context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
                return;
            }

            throw;
        }

        if (IsEncrypted(file))
        {
            context.Report(FindingKinds.EncryptedAttachment, Confidence.High);
            return;
        }

        bool office = file.Find("WordDocument") is not null || file.Find("Workbook") is not null || file.Find("Book") is not null
            || file.Find("PowerPoint Document") is not null;
        bool outlook = file.Find("__properties_version1.0") is not null
            || file.Entries.Exists(e => e.Name.StartsWith("__substg1.0_", StringComparison.Ordinal));
        if (office || outlook)
        {
            // No text extractor for binary Office or .msg: say so rather than pass it as clean.
            context.Report(FindingKinds.UnreadableAttachment, Confidence.High, FindingReasons.UnsupportedFormat);
        }
    }

    internal static bool IsEncrypted(CompoundFile file)
    {
        if (file.Find("EncryptionInfo") is not null && file.Find("EncryptedPackage") is not null)
        {
            return true;
        }

        if (file.Find("WordDocument") is { } word)
        {
            byte[] fib = file.ReadStart(word, 12);
            // wIdent 0xA5EC marks a Word 97+ FIB; fEncrypted is bit 8 of the flags at offset 10.
            if (fib.Length >= 12 && fib[0] == 0xEC && fib[1] == 0xA5 && (fib[11] & 0x01) != 0)
            {
                return true;
            }
        }

        if ((file.Find("Workbook") ?? file.Find("Book")) is { } workbook && HasFilePass(file.ReadStart(workbook, 8192)))
        {
            return true;
        }

        return file.Find("PowerPoint Document") is not null && file.Find("EncryptedSummary") is not null;
    }

    /// <summary>Walks BIFF records (type, length, data) up to the first EOF; FILEPASS sits right after the first BOF.</summary>
    private static bool HasFilePass(byte[] stream)
    {
        int at = 0;
        for (int records = 0; records < 256 && at + 4 <= stream.Length; records++)
        {
            int type = stream[at] | (stream[at + 1] << 8);
            int size = stream[at + 2] | (stream[at + 3] << 8);
            if (type == 0x002F)
            {
                return true;
            }

            if (type == 0x000A || (type == 0 && size == 0))
            {
                return false;
            }

            at += 4 + size;
        }

        return false;
    }

    private static bool ContainsUtf16(byte[] data, int length, string name) =>
        new ReadOnlySpan<byte>(data, 0, length).IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;
}
