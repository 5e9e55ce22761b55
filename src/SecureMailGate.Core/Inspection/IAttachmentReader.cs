using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Reads one attachment format and feeds its text (or nested files, or facts such as encryption) to the
/// inspection through an <see cref="AttachmentContext"/>. Readers are stateless and thread-safe; the first
/// registered reader whose <see cref="CanRead"/> is true reads the attachment.
/// </summary>
public interface IAttachmentReader
{
    /// <summary>Whether this reader handles the attachment described by <paramref name="probe"/>.</summary>
    bool CanRead(AttachmentProbe probe);

    /// <summary>
    /// Reads the attachment. May throw on corrupt input: the inspection records an
    /// <c>unreadable-attachment</c> finding and goes on. Limits throw <see cref="InspectionLimitException"/>.
    /// </summary>
    /// <param name="content">The decoded content, read-only and forward-only, charged to the budget.</param>
    /// <param name="context">Where findings, text and nested files go.</param>
    void Read(Stream content, AttachmentContext context);
}
