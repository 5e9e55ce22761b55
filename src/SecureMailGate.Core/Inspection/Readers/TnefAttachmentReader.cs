using System;
using System.IO;
using MimeKit;
using MimeKit.Tnef;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads TNEF files (<c>winmail.dat</c>, signature 0x223E9F78) met as files, e.g. inside a ZIP, with MimeKit's
/// <see cref="TnefPart"/>: the body and every attachment are inspected like an attached message at this location.
/// (TNEF parts of the message itself are walked by the inspection directly.)
/// </summary>
public sealed class TnefAttachmentReader : IAttachmentReader
{
    private static readonly byte[] Signature = { 0x78, 0x9F, 0x3E, 0x22 };

    /// <inheritdoc />
    public bool CanRead(AttachmentProbe probe)
    {
        if (probe is null)
        {
            throw new ArgumentNullException(nameof(probe));
        }

        return probe.StartsWith(Signature);
    }

    /// <inheritdoc />
    public void Read(Stream content, AttachmentContext context)
    {
        if (content is null || context is null)
        {
            throw new ArgumentNullException(content is null ? nameof(content) : nameof(context));
        }

        var part = new TnefPart { Content = new MimeContent(content) };
        using MimeMessage message = part.ConvertToMessage();
        context.InspectMessage(message);
    }
}
