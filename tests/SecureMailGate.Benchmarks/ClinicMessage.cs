using System.Collections.Generic;

namespace SecureMailGate.Benchmarks;

/// <summary>One generated message and its ground truth.</summary>
/// <param name="FileName">File name when written out (<c>0042.eml</c>).</param>
/// <param name="Mime">The message bytes.</param>
/// <param name="Recipients">Envelope recipients.</param>
/// <param name="HasValidNhsNumber">True when the body carries a number that passes modulus 11.</param>
/// <param name="Wrapped">True when that number is written across a line break.</param>
/// <param name="HasExternalRecipient">True when a recipient is outside <see cref="ClinicCorpus.AllowedDomains"/>.</param>
public sealed record ClinicMessage(
    string FileName,
    byte[] Mime,
    IReadOnlyList<string> Recipients,
    bool HasValidNhsNumber,
    bool Wrapped,
    bool HasExternalRecipient)
{
    /// <summary>What a correct tool does: flag the message when a valid number would reach an outside recipient.</summary>
    public bool ExpectedFlag => HasValidNhsNumber && HasExternalRecipient;
}
