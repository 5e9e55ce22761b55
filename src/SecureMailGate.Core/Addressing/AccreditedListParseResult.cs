using System.Collections.Generic;

namespace SecureMailGate.Core.Addressing;

/// <summary>The outcome of parsing an accredited list: the good entries and every problem found.</summary>
/// <param name="Entries">
/// Normalised, de-duplicated entries in file order: a domain, or <c>*.</c> followed by a domain.
/// </param>
/// <param name="Errors">Bad lines, in file order; empty when the whole file was good.</param>
public sealed record AccreditedListParseResult(IReadOnlyList<string> Entries, IReadOnlyList<AccreditedListError> Errors);
