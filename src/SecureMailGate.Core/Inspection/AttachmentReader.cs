using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Base of the built-in readers: checks the arguments once, so each reader holds only what it decides —
/// which content it takes, and how it reads it.
/// </summary>
public abstract class AttachmentReader : IAttachmentReader
{
    /// <inheritdoc />
    public bool CanRead(AttachmentProbe probe) => Accepts(probe ?? throw new ArgumentNullException(nameof(probe)));

    /// <inheritdoc />
    public void Read(Stream content, AttachmentContext context) =>
        ReadContent(
            content ?? throw new ArgumentNullException(nameof(content)),
            context ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>Whether this reader takes the attachment; <paramref name="probe"/> is never null.</summary>
    /// <param name="probe">Name, declared type and first bytes.</param>
    protected abstract bool Accepts(AttachmentProbe probe);

    /// <summary>Reads the attachment; the arguments are never null. See <see cref="IAttachmentReader.Read"/>.</summary>
    /// <param name="content">The decoded content.</param>
    /// <param name="context">Where findings, text and nested files go.</param>
    protected abstract void ReadContent(Stream content, AttachmentContext context);
}
