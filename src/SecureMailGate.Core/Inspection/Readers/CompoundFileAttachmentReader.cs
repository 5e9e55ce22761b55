using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads OLE compound files (signature D0 CF 11 E0 A1 B1 1A E1). Encryption first, which gives
/// <c>encrypted-attachment</c> and nothing else:
/// <list type="bullet">
/// <item>encrypted OOXML (a password-protected .docx/.xlsx/.pptx): streams <c>EncryptionInfo</c> and <c>EncryptedPackage</c>;</item>
/// <item>Word 97-2003: the FIB's <c>fEncrypted</c> bit (bit 8 of the flags word at offset 10 of <c>WordDocument</c>);</item>
/// <item>Excel 97-2003: a <c>FILEPASS</c> record (type 0x002F) among the first records of the <c>Workbook</c> stream;</item>
/// <item>PowerPoint 97-2003: an <c>EncryptedSummary</c> stream beside <c>PowerPoint Document</c> (heuristic: PowerPoint writes it only for encrypted files).</item>
/// </list>
/// Otherwise the text is read with our own compound-file reader (see docs/ARCHITECTURE.md for why not NPOI or
/// ExcelDataReader): Word through its piece table (<see cref="LegacyWordText"/>), Excel record by record as tables
/// (<see cref="LegacyExcelText"/>), PowerPoint's text atoms (<see cref="LegacyPowerPointText"/>), Outlook <c>.msg</c>
/// properties with their attachments inspected as nested files (<see cref="OutlookMessageText"/>), and for all of
/// them the title, subject, author, keywords and comments of the <c>SummaryInformation</c> property set. A damaged
/// structure (a sector chain that loops or leaves the file, a piece table or record cut short) is
/// <c>unreadable-attachment</c>, after whatever text could be read was scanned. Other compound files (embedded OLE
/// objects) have only their summary properties read. When the structure is too damaged to parse, the encryption
/// stream names are looked for as UTF-16LE bytes anywhere in the file.
/// Memory: the file is copied into memory, at most the budget's remaining <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>;
/// its streams are read in place, never copied, and the text they expand to is charged to the budget.
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

        foreach (string name in PropertySetText.StreamNames)
        {
            if (file.Child(file.Root, name) is { } properties)
            {
                context.ScanText(new ChunkTextReader(PropertySetText.Read(file, properties, context.Budget)));
            }
        }

        if (file.Find("WordDocument") is { } word)
        {
            context.ScanText(new ChunkTextReader(LegacyWordText.Read(file, word, context.Budget)));
        }
        else if ((file.Find("Workbook") ?? file.Find("Book")) is { } workbook)
        {
            using Stream stream = file.Open(workbook);
            LegacyExcelText.Read(stream, context);
        }
        else if (file.Find("PowerPoint Document") is { } slides)
        {
            using Stream stream = file.Open(slides);
            context.ScanText(new ChunkTextReader(LegacyPowerPointText.Read(stream, context.Budget)));
        }
        else if (OutlookMessageText.IsMessage(file))
        {
            OutlookMessageText.Read(file, context);
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
