namespace SecureMailGate.Service.Evaluation;

/// <summary>One attachment as <c>getAttachmentContentAsync</c> returns it.</summary>
public sealed record EvaluateAttachment
{
    /// <summary>The file name (used only to build the MIME part, never logged).</summary>
    public string? Name { get; init; }

    /// <summary>The MIME type Outlook reports; <c>application/octet-stream</c> when absent.</summary>
    public string? ContentType { get; init; }

    /// <summary><c>base64</c> (files), <c>eml</c> (attached messages) or <c>iCalendar</c> (attached meetings).</summary>
    public string? Format { get; init; }

    /// <summary>The content in that format.</summary>
    public string? Content { get; init; }

    /// <summary>Whether the attachment is shown inline in the body (an embedded picture).</summary>
    public bool IsInline { get; init; }
}
