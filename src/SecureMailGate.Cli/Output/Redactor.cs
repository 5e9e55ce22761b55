using System.Text.RegularExpressions;

namespace SecureMailGate.Cli.Output;

/// <summary>
/// Hides identifier-shaped text in what the CLI shows from a message (the subject in <c>check --explain</c>): any
/// run of six or more digits, whatever separates them, and anything shaped like a National Insurance number.
/// Deliberately broader than the detectors: showing "[number hidden]" for an order number costs nothing.
/// </summary>
internal static class Redactor
{
    /// <summary>What replaces a hidden number.</summary>
    public const string HiddenNumber = "[number hidden]";

    /// <summary>What replaces a hidden National Insurance number.</summary>
    public const string HiddenNiNumber = "[NI number hidden]";

    private static readonly Regex NiNumber = new(@"(?<![A-Za-z])[A-Za-z]{2}(?:[\s\-\u00A0]*\d){6}[\s\-\u00A0]*[A-Za-z]?(?![A-Za-z])", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    private static readonly Regex LongNumber = new(@"\d(?:[\s\-.\u00A0/]*\d){5,}", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    /// <summary>The text with identifier-shaped parts replaced.</summary>
    public static string Redact(string text) =>
        LongNumber.Replace(NiNumber.Replace(text ?? string.Empty, HiddenNiNumber), HiddenNumber);
}
