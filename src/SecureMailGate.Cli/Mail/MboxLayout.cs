using System.Collections.Generic;

namespace SecureMailGate.Cli.Mail;

/// <summary>Where the messages of an mbox lie.</summary>
/// <param name="Messages">Byte ranges (start, end) of each message, separator lines excluded, in file order.</param>
/// <param name="BodyFromLines">Unescaped <c>From </c> lines that are not separators and were kept as message text.</param>
internal sealed record MboxLayout(IReadOnlyList<(long Start, long End)> Messages, int BodyFromLines);
