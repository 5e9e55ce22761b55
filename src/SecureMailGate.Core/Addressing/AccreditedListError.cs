namespace SecureMailGate.Core.Addressing;

/// <summary>One bad line of an accredited list.</summary>
/// <param name="Line">1-based line number in the file (for a CSV record spanning lines, its first line).</param>
/// <param name="Problem">What is wrong, in plain English, naming the bad value.</param>
public sealed record AccreditedListError(int Line, string Problem);
