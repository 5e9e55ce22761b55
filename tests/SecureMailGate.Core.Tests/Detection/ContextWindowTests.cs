using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Tests.Inspection.Costs;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>
/// The context rules and the new separators give the same findings whether the scanner hands detectors only the
/// stretches around digit runs or whole chunks: numbers written with odd characters, split by a line break, next to
/// telephone cues, prefixes, signatures, URLs and identifiers, with keywords near and far, across chunk borders.
/// </summary>
[TestFixture]
public sealed class ContextWindowTests
{
    private static readonly string[] Neutral = { "the", "was", "seen", "on", "today", "order", "shipment", "and", "we", "will", "send", "it" };

    private static readonly string[] Pieces =
    {
        "the", "patient", "was", "seen", "NHS", "number", "NHS No:", "Fax:", "Tel", "call", "+44 (0)", "(0)", "\n-- \n", "\n", "\n> ",
        "http://www.example.com/gp/product/", "gp = ", "schid", "foo_id=", "x <- ", "clinic", "mobile", "GP", "2024", "12", "\u00A0",
        "\u200B", "kieran@example.com", "CONTACT:", "office", "ext 22", "DOB", "ref",
    };

    private static readonly string[] Separators = { " ", "-", ".", "  ", " - ", "\t", " \n", "\n> ", "\u2013", "\u202F", "\u200B", " \u00A0" };

    [TestCase(11)]
    [TestCase(12)]
    [TestCase(13)]
    public void Candidate_windows_find_what_whole_chunks_find(int seed)
    {
        string text = Text(new Random(seed), 300_000);

        List<Finding> windows = Scan(new TextScanner(new IDetector[] { NhsNumberDetector.Instance }), text);
        List<Finding> whole = Scan(new TextScanner(new IDetector[] { new OpaqueDetector(NhsNumberDetector.Instance) }), text);

        Assert.That(whole, Has.Count.GreaterThan(100), "the generated text must hold identifiers");
        Assert.That(whole, Has.Some.Matches<Finding>(f => f.Confidence == Confidence.Medium));
        Assert.That(windows, Is.EqualTo(whole));
    }

    [TestCase(21)]
    [TestCase(22)]
    public void Digit_dense_text_gives_the_same_findings_in_candidate_windows(int seed)
    {
        // Coordinates and measurements on every line, a few real identifiers of both kinds among them: most stretches
        // hold digit runs but no valid candidate, and merged stretches run past the window size cap.
        var random = new Random(seed);
        var sb = new StringBuilder();
        string[] ni = { "QQ 12 34 56 C", "AB123456C", "jg-10-20-30-a", "NT 11 22 33 A", "ZX 98 76 54 D" };
        while (sb.Length < 250_000)
        {
            sb.Append("$V ").Append(random.Next(1000)).Append(',').Append(random.Next(1000)).Append(' ')
              .Append(random.Next(1000)).Append(',').Append(random.Next(1000)).Append('\n');
            int pick = random.Next(200);
            if (pick < 3)
            {
                sb.Append("NHS ").Append(ValidNumbers.Grouped(ValidNumbers.Make(random.Next()), " ")).Append('\n');
            }
            else if (pick < 6)
            {
                sb.Append("ref ").Append(ni[random.Next(ni.Length)]).Append(" seen\n");
            }
        }

        string text = sb.ToString();
        var detectors = new IDetector[] { NhsNumberDetector.Instance, NiNumberDetector.Instance };
        List<Finding> windows = Scan(new TextScanner(detectors), text);
        List<Finding> whole = Scan(new TextScanner(detectors.Select(d => (IDetector)new OpaqueDetector(d)).ToArray()), text);

        Assert.That(whole.Count(f => f.Kind == FindingKinds.NhsNumber), Is.GreaterThan(20));
        Assert.That(whole.Count(f => f.Kind == FindingKinds.NiNumber), Is.GreaterThan(20));
        Assert.That(windows, Is.EqualTo(whole));
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
            if (pick < 6)
            {
                string number = ValidNumbers.Make(random.Next());
                sb.Append(random.Next(5) == 0 ? number : ValidNumbers.Grouped(number, Separators[random.Next(Separators.Length)], Separators[random.Next(Separators.Length)]));
            }
            else if (pick < 10)
            {
                sb.Append(' ', random.Next(100, 500));
            }
            else if (pick < 14)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }
            else
            {
                sb.Append(Neutral[random.Next(Neutral.Length)]);
            }

            sb.Append(random.Next(4) == 0 ? ", " : " ");
        }

        return sb.ToString();
    }
}
