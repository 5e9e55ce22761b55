namespace SecureMailGate.Benchmarks;

/// <summary>A generated attachment and how many characters of text it holds (cell values for a sheet).</summary>
/// <param name="Bytes">The file.</param>
/// <param name="TextChars">Characters of text written into it.</param>
internal sealed record GeneratedFile(byte[] Bytes, long TextChars);
