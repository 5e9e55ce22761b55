using System;
using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Finds NHS numbers (POLICY §2 <c>nhs-number</c>) in normalised text (<see cref="TextNormaliser"/>): ten digits,
/// contiguous or grouped 3-3-4 (each separator a space, tab, hyphen or dot, up to three characters such as " - " or
/// two spaces, or one line break, quote marks of a reply included), not part of a longer run of digits or a decimal,
/// passing the modulus-11 check. A keyword sitting directly on it ("NHS No: 943 476 5919") makes it <c>high</c>
/// whatever else surrounds it. Otherwise it is not an NHS number when it is part of a URL, an e-mail address, an
/// encoded block or a program identifier, or when it is a telephone number by its context (<see cref="NumberContext"/>);
/// it is <c>high</c> with a keyword within 300 characters; alone on a line of a contact block it is not counted;
/// else <c>medium</c> when grouped, <c>low</c> when contiguous.
/// </summary>
public sealed class NhsNumberDetector : KeywordContextDetector
{
    /// <summary>The shared instance.</summary>
    public static NhsNumberDetector Instance { get; } = new();

    /// <inheritdoc />
    protected override string Kind => FindingKinds.NhsNumber;

    /// <inheritdoc />
    protected override KeywordSet Keywords => ContextKeywords.NhsNumber;

    /// <inheritdoc />
    protected override IEnumerable<(int Start, int End, Confidence WithoutKeyword)> FindValid(string text, int regionStart, int regionEnd)
    {
        foreach ((int start, int end, bool grouped) in FindNumbers(text, regionStart, regionEnd))
        {
            yield return (start, end, grouped ? Confidence.Medium : Confidence.Low);
        }
    }

    /// <inheritdoc />
    protected override Confidence? Judge(
        string text, int start, int end, Confidence withoutKeyword, IReadOnlyList<(int Start, int End)> keywords, IReadOnlyList<(int Start, int End)> counting)
    {
        if (text is null || keywords is null || counting is null)
        {
            throw new ArgumentNullException(text is null ? nameof(text) : keywords is null ? nameof(keywords) : nameof(counting));
        }

        foreach ((int s, int e) in keywords)
        {
            if (NumberContext.KeywordOnIt(text, start, end, s, e) && !NumberContext.InUrlOrAddress(text, s, e))
            {
                return Confidence.High;
            }
        }

        if (NumberContext.InUrlOrAddress(text, start, end) || NumberContext.InEncodedBlock(text, start, end))
        {
            return null;
        }

        if ((NumberContext.IdentifierLabel(text, start) ?? NumberContext.ColumnIdentifierLabel(text, start)) is { } identifier)
        {
            // "patientId = 9434765919" is labelled by a keyword; "schid", "foo_id=", "x = " and a "schid" column are not.
            return Keywords.Occurs(identifier) ? Confidence.High : null;
        }

        if (NumberContext.IsTelephone(text, start, end))
        {
            return null;
        }

        if (KeywordSet.IsNear(counting, start, end, ContextKeywords.Proximity))
        {
            return Confidence.High;
        }

        return NumberContext.InContactBlock(text, start, end) ? null : withoutKeyword;
    }

    /// <summary>Spans of valid NHS numbers starting in [regionStart, regionEnd), and whether each is grouped.</summary>
    internal static IEnumerable<(int Start, int End, bool Grouped)> FindNumbers(string text, int regionStart, int regionEnd)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        int from = Math.Max(0, regionStart);
        while (NhsNumberShape.Next(text, from, regionEnd, out int start, out int end, out bool grouped))
        {
            if (NhsNumberShape.IsValid(text, start, end))
            {
                yield return (start, end, grouped);
            }

            from = end;
        }
    }
}
