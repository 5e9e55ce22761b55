using System;

namespace SecureMailGate.Core.Notices;

/// <summary>A message to the sender, in plain English: a subject line and a plain-text body.</summary>
public sealed class SenderNotice
{
    /// <summary>Creates a notice.</summary>
    /// <param name="subject">The notice's subject line.</param>
    /// <param name="body">The notice's plain-text body.</param>
    public SenderNotice(string subject, string body)
    {
        Subject = subject ?? throw new ArgumentNullException(nameof(subject));
        Body = body ?? throw new ArgumentNullException(nameof(body));
    }

    /// <summary>The subject line.</summary>
    public string Subject { get; }

    /// <summary>The plain-text body.</summary>
    public string Body { get; }
}
