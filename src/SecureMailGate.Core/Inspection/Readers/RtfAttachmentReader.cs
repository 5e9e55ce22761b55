using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>Reads RTF attachments, recognised by their <c>{\rtf</c> signature whatever their name.</summary>
public sealed class RtfAttachmentReader : AttachmentReader
{
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes(@"{\rtf");

    /// <inheritdoc />
    protected override bool Accepts(AttachmentProbe probe)
    {
        return probe.StartsWith(Signature);
    }

    /// <inheritdoc />
    protected override void ReadContent(Stream content, AttachmentContext context)
    {
        // RTF is 7-bit; Latin-1 maps every byte to one char so \'hh escapes are decoded by the RTF reader.
        using var text = new RtfTextReader(new StreamReader(content, Encoding.GetEncoding(28591)));
        context.ScanText(text);
    }
}
