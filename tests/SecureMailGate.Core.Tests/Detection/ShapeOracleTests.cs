using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>
/// The span loops that find NHS- and NI-number shapes (<see cref="NhsNumberShape"/>, <see cref="NiNumberShape"/>)
/// replaced regular expressions for speed; here those expressions are kept as the oracle, and both must find the same
/// candidates, in the same order, over generated text dense in digits, separators, line breaks, reply quote marks,
/// letters of several scripts and case-folding oddities, from any region start to any region end.
/// </summary>
[TestFixture]
public sealed class ShapeOracleTests
{
    // The NHS-number expression the detector used before the span loops, verbatim.
    private const string Separator = @"(?:[ \t]{0,2}[-.][ \t]{0,2}|[ \t]{1,3})";
    private const string LineBreak = @"(?:[ \t]{0,2}\r?\n(?:[ \t]?>){0,4}[ \t]{0,2})";
    private const string Continues = @"(?:[ \t]{1,3}|[ \t]{0,2}-[ \t]{0,2}|[.,])";

    private static readonly Regex NhsOracle = new(
        @"(?<![0-9]|[0-9][.,])(?<c>[0-9]{10})(?![0-9]|[.,][0-9])" +
        @"|(?<![0-9]|[0-9]" + Continues + @")(?<a>[0-9]{3})(?:" + Separator + @"(?<b>[0-9]{3})(?:" + Separator + "|" + LineBreak + @")|" + LineBreak + "(?<b>[0-9]{3})" + Separator + @")(?<d>[0-9]{4})(?![0-9]|" + Continues + @"[0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    // The NI-number expression the detector used before, verbatim.
    private static readonly Regex NiOracle = new(
        @"(?<![\p{L}\p{N}])(?<p>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[A-D](?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase);

    private static readonly string[] ExcludedNiPrefixes = { "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" };

    // Pieces the generator strings together: digits weigh most, then every character the shapes treat specially.
    private static readonly string[] Pieces =
    {
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "943", "476", "5919", "9434765919", "401", "023", "2137",
        " ", "  ", "   ", "\t", "-", " - ", ".", ",", "\n", "\r\n", ">", " >", "> > ", "\r",
        "A", "B", "C", "D", "J", "K", "N", "O", "Q", "T", "Z", "a", "c", "d", "k", "z", "AB", "QQ", "ab", "JG", "NT", "GB", "ZZ",
        "\u212A", "\u017F", "\u0130", "\u0131", "é", "Ж", "²", "Ⅻ", "٣", "_", "x", "(", "+44 ", "NHS ",
    };

    [Test]
    public void NhsNumberShapesMatchTheRegularExpressionOnGeneratedText()
    {
        var random = new Random(20261125);
        int candidates = 0;
        for (int n = 0; n < 40_000; n++)
        {
            string text = Generate(random);
            (int from, int limit) = Region(random, text);
            List<(int, int, bool, bool)> expected = NhsByOracle(text, from, limit);
            List<(int, int, bool, bool)> actual = NhsByShape(text, from, limit);
            candidates += expected.Count;
            Assert.That(actual, Is.EqualTo(expected), () => $"text: {Escape(text)} region: [{from}, {limit})");
        }

        // The generator must reach the shapes often, or the comparison proves little.
        Assert.That(candidates, Is.GreaterThan(4_000));
    }

    [Test]
    public void NiNumberShapesMatchTheRegularExpressionOnGeneratedText()
    {
        var random = new Random(31);
        int candidates = 0;
        for (int n = 0; n < 40_000; n++)
        {
            string text = GenerateNi(random);
            (int from, int limit) = Region(random, text);
            List<(int, int, bool)> expected = NiByOracle(text, from, limit);
            List<(int, int, bool)> actual = NiByShape(text, from, limit);
            candidates += expected.Count;
            Assert.That(actual, Is.EqualTo(expected), () => $"text: {Escape(text)} region: [{from}, {limit})");
        }

        Assert.That(candidates, Is.GreaterThan(4_000));
    }

    [TestCase("NHS 943 476 5919 seen", 4, 16, true)]
    [TestCase("943 476\n> > 5919", 0, 16, true)]
    [TestCase("ref 9434765919.", 4, 14, false)]
    public void HandWrittenCasesAreFoundWhereTheyStand(string text, int start, int end, bool grouped)
    {
        Assert.That(NhsNumberShape.Next(text, 0, text.Length, out int s, out int e, out bool g), Is.True);
        Assert.That((s, e, g), Is.EqualTo((start, end, grouped)));
        Assert.That(NhsNumberShape.IsValid(text, s, e), Is.True);
    }

    [TestCase("12 943 476 5919")]
    [TestCase("943 476 5919.5")]
    [TestCase("943 476 5919 12")]
    [TestCase("943 476\n\n5919")]
    [TestCase("943\n476\n5919")]
    [TestCase("94347659190")]
    public void NumbersGluedToOthersOrBrokenTwiceAreNotCandidates(string text) =>
        Assert.That(NhsNumberShape.Next(text, 0, text.Length, out _, out _, out _), Is.False);

    private static List<(int, int, bool, bool)> NhsByOracle(string text, int from, int limit)
    {
        var found = new List<(int, int, bool, bool)>();
        for (Match m = NhsOracle.Match(text, from); m.Success && m.Index < limit; m = m.NextMatch())
        {
            bool grouped = !m.Groups["c"].Success;
            string digits = grouped ? m.Groups["a"].Value + m.Groups["b"].Value + m.Groups["d"].Value : m.Groups["c"].Value;
            found.Add((m.Index, m.Index + m.Length, grouped, NhsNumber.IsValid(digits)));
        }

        return found;
    }

    private static List<(int, int, bool, bool)> NhsByShape(string text, int from, int limit)
    {
        var found = new List<(int, int, bool, bool)>();
        int i = from;
        while (NhsNumberShape.Next(text, i, limit, out int start, out int end, out bool grouped))
        {
            found.Add((start, end, grouped, NhsNumberShape.IsValid(text, start, end)));
            i = end;
        }

        return found;
    }

    private static List<(int, int, bool)> NiByOracle(string text, int from, int limit)
    {
        var found = new List<(int, int, bool)>();
        for (Match m = NiOracle.Match(text, from); m.Success && m.Index < limit; m = m.NextMatch())
        {
            bool issued = Array.IndexOf(ExcludedNiPrefixes, m.Groups["p"].Value.ToUpperInvariant().Replace('\u212A', 'K')) < 0;
            found.Add((m.Index, m.Index + m.Length, issued));
        }

        return found;
    }

    private static List<(int, int, bool)> NiByShape(string text, int from, int limit)
    {
        var found = new List<(int, int, bool)>();
        int i = from;
        while (NiNumberShape.Next(text, i, limit, out int start, out int end))
        {
            found.Add((start, end, NiNumberShape.IsIssuedPrefix(text, start)));
            i = end;
        }

        return found;
    }

    private static string Generate(Random random)
    {
        string[] gaps = { " ", "  ", "   ", "    ", "\t", "-", " - ", "  -  ", ".", " . ", ",", "\n", "\r\n", " \n> ", "\n> > > > ", "\n>>>>>", "\n\n", string.Empty };
        var text = new StringBuilder();
        int pieces = random.Next(1, 16);
        for (int i = 0; i < pieces; i++)
        {
            if (random.Next(3) == 0)
            {
                // Three groups with any gaps: most candidates, and most near misses, come from here.
                text.Append(Digits(random, Length(random, 3))).Append(gaps[random.Next(gaps.Length)])
                    .Append(Digits(random, Length(random, 3))).Append(gaps[random.Next(gaps.Length)])
                    .Append(Digits(random, Length(random, 4)));
            }
            else
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        return text.ToString();
    }

    // Mostly the right length for its group, sometimes one more or one less.
    private static int Length(Random random, int right) => random.Next(6) switch { 0 => right - 1, 1 => right + 1, _ => right };

    private static string Digits(Random random, int count)
    {
        // Half the time the digits of a valid number, so the check-digit comparison sees both outcomes.
        const string Valid = "9434765919";
        var digits = new StringBuilder();
        int offset = random.Next(2) == 0 ? random.Next(Valid.Length - count + 1) : -1;
        for (int i = 0; i < count; i++)
        {
            digits.Append(offset >= 0 ? Valid[offset + i] : (char)('0' + random.Next(10)));
        }

        return digits.ToString();
    }

    // NI shapes need letters around digit pairs: build mostly prefix, pairs and suffix, with noise between.
    private static string GenerateNi(Random random)
    {
        const string Letters = "ABCEGHJKLMNPRSTWXYZABCEGHJKLMNPRSTWXYZabceghjklmnprstwxyzDFIOQUVdfioquv\u212A\u017F\u0131\u0130éЖ";
        var text = new StringBuilder();
        int parts = random.Next(1, 6);
        for (int p = 0; p < parts; p++)
        {
            text.Append(random.Next(3) == 0 ? Pieces[random.Next(Pieces.Length)] : " ");
            text.Append(Letters[random.Next(Letters.Length)]).Append(Letters[random.Next(Letters.Length)]);
            for (int pair = 0; pair < 3; pair++)
            {
                text.Append(random.Next(4) switch { 0 => " ", 1 => "-", 2 => "  ", _ => string.Empty });
                text.Append(random.Next(10)).Append(random.Next(10));
                if (random.Next(12) == 0)
                {
                    text.Append(random.Next(10));
                }
            }

            text.Append(random.Next(4) switch { 0 => " ", 1 => "-", _ => string.Empty });
            text.Append("ABCDEabcd\u212A²"[random.Next(11)]);
            if (random.Next(3) == 0)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        return text.ToString();
    }

    private static (int From, int Limit) Region(Random random, string text)
    {
        if (random.Next(2) == 0)
        {
            return (0, text.Length);
        }

        int from = random.Next(text.Length + 1);
        return (from, random.Next(from, text.Length + 1));
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
