using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MimeKit.IO;
using MimeKit.Tnef;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads an Outlook <c>.msg</c> file ([MS-OXMSG]), a compound file whose properties are streams named
/// <c>__substg1.0_&lt;id&gt;&lt;type&gt;</c>: every string property of the message (subject, plain-text body,
/// sender and recipients' display names and addresses, transport headers, categories and keywords) and of its
/// recipients and attachments (file names included) is scanned as text; the HTML body (<c>PR_HTML</c>) through the
/// HTML reader and the compressed RTF body (<c>PR_RTF_COMPRESSED</c>) through MimeKit's decompressor and the RTF
/// reader. Each attached file (<c>PR_ATTACH_DATA_BIN</c>) is inspected as a nested attachment, and an attached
/// message (<c>PR_ATTACH_DATA_OBJ</c> storage) is read the same way one level deeper, within the depth limit.
/// Every character is charged to the budget.
/// </summary>
internal static class OutlookMessageText
{
    private const string Substorage = "__substg1.0_";
    private const string AttachmentStorage = "__attach_version1.0_";
    private const string RecipientStorage = "__recip_version1.0_";

    /// <summary>Whether the compound file is an Outlook message.</summary>
    public static bool IsMessage(CompoundFile file) =>
        file.Find("__properties_version1.0") is not null || file.Children(file.Root).Exists(e => e.Name.StartsWith(Substorage, StringComparison.Ordinal));

    /// <summary>Reads the message held by the file's root storage.</summary>
    public static void Read(CompoundFile file, AttachmentContext context) => ReadMessage(file, file.Root, context, level: 0);

    private static void ReadMessage(CompoundFile file, CompoundFileEntry storage, AttachmentContext context, int level)
    {
        InspectionBudget budget = context.Budget;
        budget.CheckDepth(context.Depth + level);
        List<CompoundFileEntry> children = file.Children(storage);
        context.ScanText(new ChunkTextReader(Strings(file, children, budget)));
        if (Property(file, children, "10130102") is { } html)
        {
            using Stream content = new BudgetedStream(file.Open(html), budget);
            using var reader = new StreamReader(content, TextSniffer.DetectEncoding(file.ReadStart(html, 4096)), detectEncodingFromByteOrderMarks: true);
            context.ScanText(new HtmlTextReader(reader));
        }

        if (Property(file, children, "10090102") is { } rtf)
        {
            using var decompressed = new FilteredStream(file.Open(rtf));
            decompressed.Add(new RtfCompressedToRtf());
            using Stream content = new BudgetedStream(decompressed, budget);
            using var reader = new StreamReader(content, Encoding.GetEncoding(28591));
            context.ScanText(new RtfTextReader(reader));
        }

        foreach (CompoundFileEntry child in children)
        {
            if (!child.IsStorage)
            {
                continue;
            }

            if (child.Name.StartsWith(RecipientStorage, StringComparison.Ordinal))
            {
                context.ScanText(new ChunkTextReader(Strings(file, file.Children(child), budget)));
            }
            else if (child.Name.StartsWith(AttachmentStorage, StringComparison.Ordinal))
            {
                ReadAttachment(file, child, context, level);
            }
        }
    }

    private static void ReadAttachment(CompoundFile file, CompoundFileEntry storage, AttachmentContext context, int level)
    {
        List<CompoundFileEntry> children = file.Children(storage);
        context.ScanText(new ChunkTextReader(Strings(file, children, context.Budget)));
        if (Property(file, children, "37010102") is { } data)
        {
            string name = StringProperty(file, children, "3707") ?? StringProperty(file, children, "3704") ?? storage.Name;
            using Stream content = file.Open(data);
            context.InspectNested(name, content);
        }

        foreach (CompoundFileEntry child in children)
        {
            if (child.IsStorage && string.Equals(child.Name, Substorage + "3701000D", StringComparison.OrdinalIgnoreCase))
            {
                if (file.Child(child, "__properties_version1.0") is null && !file.Children(child).Exists(e => e.Name.StartsWith(Substorage, StringComparison.Ordinal)))
                {
                    // An embedded OLE object (a document stored as a storage, not as a file): not read here, so say so.
                    context.Report(FindingKinds.UnreadableAttachment, Confidence.High, FindingReasons.UnsupportedFormat);
                    continue;
                }

                // An attached message: its own properties, recipients and attachments, one level deeper.
                ReadMessage(file, child, context, level + 1);
            }
        }
    }

    /// <summary>Every string property among <paramref name="entries"/> (single- and multi-valued, Unicode and 8-bit), one line each.</summary>
    private static IEnumerable<string> Strings(CompoundFile file, List<CompoundFileEntry> entries, InspectionBudget budget)
    {
        foreach (CompoundFileEntry entry in entries)
        {
            if (!entry.IsStream || !entry.Name.StartsWith(Substorage, StringComparison.Ordinal) || entry.Name.Length < Substorage.Length + 8)
            {
                continue;
            }

            string type = entry.Name.Substring(Substorage.Length + 4, 4).ToUpperInvariant();
            if (type is not ("001F" or "001E" or "101F" or "101E"))
            {
                continue;
            }

            budget.CheckTime();
            yield return Decode(file, entry, unicode: type[3] == 'F', budget) + "\n";
        }
    }

    private static string? StringProperty(CompoundFile file, List<CompoundFileEntry> entries, string id)
    {
        foreach (string type in new[] { "001F", "001E" })
        {
            if (Property(file, entries, id + type) is { } entry)
            {
                return Decode(file, entry, unicode: type == "001F", budget: null).TrimEnd('\0');
            }
        }

        return null;
    }

    private static string Decode(CompoundFile file, CompoundFileEntry entry, bool unicode, InspectionBudget? budget)
    {
        using Stream stream = file.Open(entry);
        byte[] bytes = new byte[stream.Length];
        int total = 0;
        int read;
        while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
        {
            total += read;
        }

        string text = unicode ? Encoding.Unicode.GetString(bytes, 0, total & ~1) : LegacyWordText.Ansi().GetString(bytes, 0, total);
        budget?.ChargeCharacters(text.Length);
        return text.Replace('\0', '\n');
    }

    private static CompoundFileEntry? Property(CompoundFile file, List<CompoundFileEntry> entries, string tag)
    {
        string name = Substorage + tag;
        foreach (CompoundFileEntry entry in entries)
        {
            if (entry.IsStream && string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}
