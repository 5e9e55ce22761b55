namespace SecureMailGate.Core.Inspection;

/// <summary>
/// One thing the inspection found. Never holds the detected value itself, so a finding can be logged and audited.
/// </summary>
/// <param name="Kind">A <see cref="FindingKinds"/> value or the name of an admin pattern.</param>
/// <param name="Location"><c>subject</c>, <c>body</c> or <c>attachment:&lt;name&gt;</c> (nested: <c>attachment:outer.zip/inner.docx</c>).</param>
/// <param name="Confidence">How sure the detector is.</param>
public sealed record Finding(string Kind, string Location, Confidence Confidence);
