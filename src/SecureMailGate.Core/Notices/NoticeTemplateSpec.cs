using System.Collections.Generic;

namespace SecureMailGate.Core.Notices;

/// <summary>What one notice template may contain.</summary>
/// <param name="Name">The template's name: its file is <c>&lt;Name&gt;.txt</c> in the language folder.</param>
/// <param name="Placeholders">The placeholders (<see cref="NoticePlaceholders"/>) it may use.</param>
/// <param name="SmtpReply">True when the text goes into an SMTP reply: then every line must be printable ASCII.</param>
/// <param name="SingleLine">True when the template must be exactly one line (a subject).</param>
public sealed record NoticeTemplateSpec(string Name, IReadOnlyList<string> Placeholders, bool SmtpReply, bool SingleLine = false);
