using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// What is known about an attachment before it is read: its name, declared media type and first bytes.
/// Readers decide by the bytes first (a renamed file is still what it is), by name and type second.
/// </summary>
/// <param name="FileName">File name as sent; may be empty.</param>
/// <param name="MediaType">Declared media type, lower case, e.g. <c>application/pdf</c>.</param>
/// <param name="Head">
/// Up to <see cref="HeadLength"/> leading bytes of the decoded content. The memory is pooled and reused once the
/// attachment has been read: a reader may look at it while deciding, but must not keep it.
/// </param>
public sealed record AttachmentProbe(string FileName, string MediaType, ReadOnlyMemory<byte> Head)
{
    /// <summary>How many leading bytes are sniffed.</summary>
    public const int HeadLength = 8192;

    /// <summary>The file name's extension, lower case with the dot (e.g. <c>.docx</c>), or empty.</summary>
    public string Extension
    {
        get
        {
            int dot = FileName.LastIndexOf('.');
            return dot < 0 || dot == FileName.Length - 1 ? string.Empty : FileName.Substring(dot).ToLowerInvariant();
        }
    }

    /// <summary>Whether the content starts with <paramref name="magic"/>.</summary>
    /// <param name="magic">Signature bytes.</param>
    public bool StartsWith(ReadOnlySpan<byte> magic) => Head.Span.StartsWith(magic);
}
