using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads RTF attachments, recognised by their <c>{\rtf</c> signature whatever their name.</summary>
public sealed class RtfAttachmentReader : IAttachmentReader
{
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes(@"{\rtf");

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

        // RTF is 7-bit; Latin-1 maps every byte to one char so \'hh escapes are decoded by the RTF reader.
        using var text = new RtfTextReader(new StreamReader(content, Encoding.GetEncoding(28591)));
        context.ScanText(text);
    }
}
