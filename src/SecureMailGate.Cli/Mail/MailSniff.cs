namespace SecureMailGate.Cli.Mail;

/// <summary>What <see cref="MailSniffer"/> decided about a file.</summary>
/// <param name="Kind">The kind of content.</param>
/// <param name="Start">Where the content starts: past a UTF-8 byte-order mark, if any.</param>
/// <param name="WhyNotMail">For <see cref="MailKind.NotMail"/>, why, in plain words (e.g. "empty file").</param>
internal sealed record MailSniff(MailKind Kind, int Start, string? WhyNotMail);
