using System;
using System.IO;
using MimeKit;
using MimeKit.Tnef;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads TNEF files (<c>winmail.dat</c>, signature 0x223E9F78) met as files, e.g. inside a ZIP, with MimeKit's
/// <see cref="TnefPart"/>: the body and every attachment are inspected like an attached message at this location.
/// (TNEF parts of the message itself are walked by the inspection directly.)
/// Memory: the file is copied into memory, at most the budget's remaining <see cref="Policy.InspectionLimits.MaxExpandedBytes"/>.
/// </summary>
public sealed class TnefAttachmentReader : AttachmentReader
{
    private static readonly byte[] Signature = { 0x78, 0x9F, 0x3E, 0x22 };

    private const TnefComplianceStatus Damage = TnefComplianceStatus.StreamTruncated | TnefComplianceStatus.InvalidTnefSignature
        | TnefComplianceStatus.InvalidAttributeChecksum | TnefComplianceStatus.InvalidAttributeLength | TnefComplianceStatus.InvalidAttributeLevel;

    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return probe.StartsWith(Signature);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        // MimeContent seeks to its start; the copy is bounded by the budget like every other buffered format.
        using MemoryStream buffer = BoundedBuffer.ReadAll(content, context.Budget);
        if (!IsWhole(buffer))
        {
            // MimeKit reads damaged TNEF leniently and may find nothing at all: make the damage visible.
            context.Report(FindingKinds.UnreadableAttachment, Confidence.High, FindingReasons.Damaged);
        }

        buffer.Position = 0;
        var part = new TnefPart { Content = new MimeContent(buffer) };
        using MimeMessage message = part.ConvertToMessage();
        context.InspectMessage(message);
    }

    private static bool IsWhole(MemoryStream buffer)
    {
        // A view of the same bytes: disposing the reader disposes its stream.
        using var reader = new TnefReader(new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length, writable: false), 0, TnefComplianceMode.Loose);
        while (reader.ReadNextAttribute())
        {
        }

        return (reader.ComplianceStatus & Damage) == 0;
    }
}
