using NUnit.Framework;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>What the detectors see after normalisation: one form for digits, spaces and dashes; no invisible characters.</summary>
[TestFixture]
public sealed class TextNormaliserTests
{
    [TestCase("\uFF19\uFF14\uFF13", "943")] // full-width
    [TestCase("\u0669\u0664\u0663", "943")] // Arabic-Indic
    [TestCase("\u06F9\u06F4\u06F3", "943")] // extended Arabic-Indic
    [TestCase("\u096F\u0966", "90")] // Devanagari
    [TestCase("a\u00A0b\u202Fc\u2009d\u2007e\u3000f", "a b c d e f")]
    [TestCase("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2212g\uFF0Dh", "a-b-c-d-e-f-g-h")]
    [TestCase("9\u200B4\u200C3\u200D4\u20607\uFEFF6\u00AD5", "9434765")]
    [TestCase("NHS number 943 476 5919", "NHS number 943 476 5919")]
    [TestCase("caf\u00E9 \u00BD \u2460", "caf\u00E9 \u00BD \u2460")] // letters, fractions, circled digits are left alone
    public void Normalises_a_string(string text, string expected) =>
        Assert.That(TextNormaliser.Normalise(text), Is.EqualTo(expected));

    [Test]
    public void Plain_ASCII_comes_back_as_the_same_instance()
    {
        string text = "Ref 943-476-5919\r\n";
        Assert.That(TextNormaliser.Normalise(text), Is.SameAs(text));
    }

    [Test]
    public void In_place_normalisation_compacts_the_range_only()
    {
        char[] buffer = "xx9\u200B4\u00AD3yy".ToCharArray();

        int kept = TextNormaliser.Normalise(buffer, 2, 5);

        Assert.That(kept, Is.EqualTo(3));
        Assert.That(new string(buffer, 0, 2 + kept), Is.EqualTo("xx943"));
    }
}
