using System.Collections.Generic;

namespace SecureMailGate.Core.Notices;

/// <summary>One paragraph of a blocked recipient's report.</summary>
/// <param name="Template">The template that words it (<c>block-reason-…</c>, see <see cref="NoticeTemplateNames"/>).</param>
/// <param name="Codes">The reason codes it explains, listed for the service desk.</param>
public sealed record BlockReasonParagraph(string Template, IReadOnlyList<string> Codes);
