namespace SecureMailGate.Benchmarks.Precision;

/// <summary>One message of a benign corpus: its name inside the archive and its MIME bytes (any mbox <c>From </c> line removed).</summary>
/// <param name="Name">The entry's path inside the archive.</param>
/// <param name="Mime">The message.</param>
internal sealed record CorpusMessage(string Name, byte[] Mime);
