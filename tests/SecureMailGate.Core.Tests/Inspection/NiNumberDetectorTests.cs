using System.Collections.Generic;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Inspection;

[TestFixture]
public sealed class NiNumberDetectorTests
{
    private static List<Finding> Scan(string text)
    {
        var findings = new List<Finding>();
        new TextScanner(new IDetector[] { NiNumberDetector.Instance }).Scan(text, "body", findings);
        return findings;
    }

    [TestCase("AB123456C")]
    [TestCase("AB 12 34 56 C")]
    [TestCase("AB-12-34-56-C")]
    [TestCase("ce 12 34 56 a")]
    [TestCase("JZ123456D")]
    public void Valid_numbers_are_medium_without_a_keyword(string number)
    {
        List<Finding> findings = Scan("ref " + number + " end");
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Confidence, Is.EqualTo(Confidence.Medium));
        Assert.That(findings[0].Kind, Is.EqualTo("ni-number"));
    }

    [Test]
    public void A_keyword_nearby_gives_high() =>
        Assert.That(Scan("National Insurance number: AB 12 34 56 C")[0].Confidence, Is.EqualTo(Confidence.High));

    [TestCase("DA123456C")] // D not allowed first
    [TestCase("FA123456C")]
    [TestCase("IA123456C")]
    [TestCase("QA123456C")]
    [TestCase("UA123456C")]
    [TestCase("VA123456C")]
    [TestCase("AO123456C")] // O not allowed second
    [TestCase("AD123456C")] // D not allowed second
    [TestCase("BG123456C")] // excluded prefixes
    [TestCase("GB123456C")]
    [TestCase("KN123456C")]
    [TestCase("NK123456C")]
    [TestCase("NT123456C")]
    [TestCase("TN123456C")]
    [TestCase("ZZ123456C")]
    [TestCase("AB123456E")] // suffix must be A-D
    [TestCase("AB12345C")] // five digits
    [TestCase("XAB123456C")] // inside a longer word
    public void Invalid_numbers_are_ignored(string number) =>
        Assert.That(Scan("ref " + number + " end"), Is.Empty);
}
