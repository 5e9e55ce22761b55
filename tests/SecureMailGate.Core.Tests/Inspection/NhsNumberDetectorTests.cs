using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Inspection;

[TestFixture]
public sealed class NhsNumberDetectorTests
{
    private static List<Finding> Scan(string text)
    {
        var findings = new List<Finding>();
        new TextScanner(new IDetector[] { NhsNumberDetector.Instance }).Scan(text, "body", findings);
        return findings;
    }

    private static Confidence? Only(string text)
    {
        List<Finding> findings = Scan(text);
        return findings.Count == 0 ? null : findings.Max(f => f.Confidence);
    }

    [TestCase("9434765919", true)]
    [TestCase("6426212997", true)]
    [TestCase("9434765918", false)] // wrong check digit
    [TestCase("9434765910", false)]
    [TestCase("0000000000", false)] // passes modulus 11 but all one digit
    [TestCase("1111111111", false)]
    [TestCase("943476591", false)]
    [TestCase("94347659190", false)]
    [TestCase("94347a5919", false)]
    public void Check_digit_rule(string digits, bool valid) =>
        Assert.That(NhsNumber.IsValid(digits), Is.EqualTo(valid));

    [Test]
    public void A_remainder_giving_check_digit_10_is_never_valid()
    {
        // 100000001x: sum = 10*1 + 2*1 = 12, 12 mod 11 = 1, check = 10 → no last digit makes it valid.
        for (int last = 0; last <= 9; last++)
        {
            Assert.That(NhsNumber.IsValid("100000001" + last), Is.False, "last digit " + last);
        }
    }

    [TestCase("ref 9434765919 today", Confidence.Low)]
    [TestCase("ref 943 476 5919 today", Confidence.Medium)]
    [TestCase("ref 943-476-5919 today", Confidence.Medium)]
    [TestCase("ref 943\u00A0476\u00A05919 today", Confidence.Medium)]
    [TestCase("ref 943 476-5919 today", Confidence.Medium)] // mixed separators (issue 9: a careless sender's)
    [TestCase("ref 943-476 5919 today", Confidence.Medium)]
    [TestCase("ref 943  476  5919 today", Confidence.Medium)] // two spaces
    [TestCase("ref 943.476.5919 today", Confidence.Medium)] // dots
    [TestCase("NHS number: 9434765919", Confidence.High)]
    [TestCase("the patient 943 476 5919", Confidence.High)]
    [TestCase("DOB 01/01/1990, 9434765919", Confidence.High)]
    [TestCase("D.O.B. 01/01/1990 9434765919", Confidence.High)]
    public void Finds_valid_numbers_with_the_right_confidence(string text, Confidence expected) =>
        Assert.That(Only(text), Is.EqualTo(expected));

    [TestCase("ref 19434765919")] // part of a longer run
    [TestCase("ref 94347659191")]
    [TestCase("ref 12 943 476 5919")] // longer grouped run
    [TestCase("ref 943 476 5919 12")]
    [TestCase("ref 9434765918")] // invalid check digit
    [TestCase("ref 943.476.5919.12")] // longer dotted run
    [TestCase("ref 0.9434765919")] // a decimal
    public void Ignores_what_is_not_an_NHS_number(string text) =>
        Assert.That(Scan(text), Is.Empty);

    [Test]
    public void Keyword_just_inside_300_characters_gives_high_and_just_outside_does_not()
    {
        string inside = "NHS" + new string(' ', 299) + "9434765919";
        string outside = "NHS" + new string(' ', 302) + "9434765919";
        string after = "9434765919" + new string('x', 100) + " " + new string(' ', 198) + "patient";
        Assert.Multiple(() =>
        {
            Assert.That(Only(inside), Is.EqualTo(Confidence.High));
            Assert.That(Only(outside), Is.EqualTo(Confidence.Low));
            Assert.That(Only(after), Is.EqualTo(Confidence.High));
        });
    }

    [TestCase("the NHSX programme 9434765919")] // not a whole word
    [TestCase("GPS coordinates 9434765919")]
    public void Keywords_count_only_as_whole_words(string text) =>
        Assert.That(Only(text), Is.EqualTo(Confidence.Low));

    [Test]
    public void Numbers_and_keywords_across_chunk_borders_are_found_once()
    {
        // Put a grouped number straddling the first chunk border, with its keyword in the previous chunk.
        int border = TextScanner.ChunkChars + TextScanner.ContextChars;
        string text = new string('a', border - 200) + " patient " + new string('b', 180) + " 943 476 5919 " + new string('c', 100_000);
        List<Finding> findings = Scan(text);
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void Every_number_in_a_long_text_is_seen()
    {
        string line = "row 943 476 5919 and 6426212997\n";
        string text = string.Concat(Enumerable.Repeat(line, 20_000)); // about 640 000 characters, ten chunks
        Assert.That(Scan(text), Has.Count.EqualTo(40_000));
    }
}
