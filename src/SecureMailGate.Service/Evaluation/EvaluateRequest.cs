using System.Collections.Generic;

namespace SecureMailGate.Service.Evaluation;

/// <summary>
/// What the add-in can read from the message being composed (<c>POST /api/v1/evaluate</c>, <c>application/json</c>).
/// </summary>
public sealed record EvaluateRequest
{
    /// <summary>The sender's address (the mailbox's own address).</summary>
    public string? Sender { get; init; }

    /// <summary>To recipients' addresses.</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>Cc recipients' addresses.</summary>
    public IReadOnlyList<string>? Cc { get; init; }

    /// <summary>Bcc recipients' addresses.</summary>
    public IReadOnlyList<string>? Bcc { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The body.</summary>
    public EvaluateBody? Body { get; init; }

    /// <summary>The attachments, in the order Outlook lists them.</summary>
    public IReadOnlyList<EvaluateAttachment>? Attachments { get; init; }
}
