using MimeKit;

namespace SecureMailGate.Cli.Replay;

/// <summary>One message read from a replay input, or why it could not be read.</summary>
/// <param name="Label">The file, with <c>#n</c> for the n-th message of an mbox.</param>
/// <param name="Message">The parsed message; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the message could not be parsed.</param>
internal sealed record ReplayItem(string Label, MimeMessage? Message, string? Problem);
