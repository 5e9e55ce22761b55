using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>
/// Scanning only the stretches around digit runs finds exactly what scanning whole chunks finds, in the same order:
/// numbers grouped and contiguous, near keywords and far from them, across chunk borders.
/// </summary>
public sealed class TextScannerWindowTests
{
    private static readonly string[] Words =
    {
        "the", "patient", "was", "seen", "in", "clinic", "NHS", "number", "national", "insurance", "NI", "no", "ward", "follow-up",
        "2024", "12", "07700", "900123", "01-02-1940", "-", "\u00A0", "\n", "DOB", "referral", "x9", "AB", "QQ",
    };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void CandidateWindowsFindWhatWholeChunksFind(int seed)
    {
        string text = Text(new Random(seed), 400_000);

        List<Finding> windows = Scan(new TextScanner(new IDetector[] { NhsNumberDetector.Instance, NiNumberDetector.Instance }), text);
        List<Finding> whole = Scan(new TextScanner(new IDetector[] { new OpaqueDetector(NhsNumberDetector.Instance), new OpaqueDetector(NiNumberDetector.Instance) }), text);

        Assert.That(whole, Is.Not.Empty, "the generated text must hold identifiers");
        Assert.That(windows, Is.EqualTo(whole));
    }

    [Test]
    public void NumberStraddlingAChunkBorderIsFoundOnce()
    {
        // A grouped NHS number whose digits cross the first chunk's end, a keyword 250 characters before it.
        var sb = new StringBuilder();
        sb.Append('x', TextScanner.ChunkChars - 260).Append(" NHS ").Append('y', 250).Append(" 943 476 5919 ").Append('z', 1000);
        List<Finding> findings = Scan(new TextScanner(new IDetector[] { NhsNumberDetector.Instance, NiNumberDetector.Instance }), sb.ToString());

        Assert.That(findings, Is.EqualTo(new[] { new Finding(FindingKinds.NhsNumber, "body", Confidence.High) }));
    }

    [Test]
    public void TextWithoutDigitRunsHasNoCandidates()
    {
        char[] text = "NHS 12 34 patient 943 47 x 5919".ToCharArray();
        var regions = new List<(int, int)>();

        TextScanner.FindCandidateRegions(text, text.Length, 0, text.Length, regions);

        Assert.That(regions, Is.Empty);
    }

    private static List<Finding> Scan(TextScanner scanner, string text)
    {
        var findings = new List<Finding>();
        using var reader = new StringReader(text);
        scanner.Scan(reader, "body", findings, budget: null);
        return findings;
    }

    private static string Text(Random random, int length)
    {
        var sb = new StringBuilder(length + 64);
        while (sb.Length < length)
        {
            int pick = random.Next(100);
            if (pick < 4)
            {
                string nhs = ValidNhsNumber(random);
                string sep = random.Next(4) switch { 0 => " ", 1 => "-", 2 => "\u00A0", _ => string.Empty };
                sb.Append(nhs, 0, 3).Append(sep).Append(nhs, 3, 3).Append(sep).Append(nhs, 6, 4);
            }
            else if (pick < 6)
            {
                sb.Append("AB ").Append(random.Next(10, 99)).Append(' ').Append(random.Next(10, 99)).Append(' ').Append(random.Next(10, 99)).Append(" C");
            }
            else if (pick < 8)
            {
                sb.Append(' ', random.Next(200, 700));
            }
            else
            {
                sb.Append(Words[random.Next(Words.Length)]);
            }

            sb.Append(random.Next(3) == 0 ? "," : " ");
        }

        return sb.ToString();
    }

    private static string ValidNhsNumber(Random random)
    {
        while (true)
        {
            var digits = new StringBuilder();
            for (int i = 0; i < 10; i++)
            {
                digits.Append((char)('0' + random.Next(10)));
            }

            if (NhsNumber.IsValid(digits.ToString()))
            {
                return digits.ToString();
            }
        }
    }
}
