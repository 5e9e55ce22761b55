namespace SecureMailGate.Core.Inspection;

/// <summary>
/// One thing the inspection found. Never holds the detected value itself, nor the name of the file it was found in,
/// so a finding can be logged and audited.
/// </summary>
/// <param name="Kind">A <see cref="FindingKinds"/> value or the name of an admin pattern.</param>
/// <param name="Location">
/// <c>subject</c>, <c>body</c>, <c>header:&lt;name&gt;</c>, <c>message</c> or <c>attachment:&lt;position&gt;[.&lt;ext&gt;]</c>:
/// the attachment's 1-based position within its container and, when short and plain, its file extension
/// (nested: <c>attachment:2.zip/3.txt</c>). Never a file name: names carry identifiers.
/// </param>
/// <param name="Confidence">How sure the detector is.</param>
/// <param name="Reason">
/// Why content could not be inspected, for <c>inspection-limit</c> and <c>unreadable-attachment</c> findings: a
/// short code from <see cref="FindingReasons"/> (e.g. <c>time-budget</c>, <c>damaged</c>); <see langword="null"/>
/// for findings about content.
/// </param>
public sealed record Finding(string Kind, string Location, Confidence Confidence, string? Reason = null);
