using MimeKit;

namespace SecureMailGate.Cli.Mail;

/// <summary>One message read from a file, or why it could not be read.</summary>
/// <param name="Label">The file, with <c>#n</c> for the n-th message of an mbox.</param>
/// <param name="Message">The parsed message; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">A <see cref="MailProblem"/> code, or null.</param>
internal sealed record MailItem(string Label, MimeMessage? Message, string? Problem);
