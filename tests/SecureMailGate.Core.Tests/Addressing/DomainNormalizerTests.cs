using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;

namespace SecureMailGate.Core.Tests.Addressing;

[TestFixture]
public class DomainNormalizerTests
{
    [TestCase("nhs.net", "nhs.net")]
    [TestCase("NHS.NET.", "nhs.net")]
    [TestCase("  Example.ORG  ", "example.org")]
    [TestCase("bücher.de", "xn--bcher-kva.de")]
    [TestCase("BÜCHER.DE", "xn--bcher-kva.de")]
    [TestCase("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [TestCase("nhs.n\u0435t", "nhs.xn--nt-nlc")]
    [TestCase("a-b.c-d.example", "a-b.c-d.example")]
    [TestCase("localhost", "localhost")]
    [TestCase("3com.com", "3com.com")]
    public void TryNormalize_accepts_valid_names(string input, string expected)
    {
        bool ok = DomainNormalizer.TryNormalize(input, out string ascii);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(ascii, Is.EqualTo(expected));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(".")]
    [TestCase("a..b")]
    [TestCase("a.b..")]
    [TestCase(".a.b")]
    [TestCase("-bad-.com")]
    [TestCase("bad-.com")]
    [TestCase("-bad.com")]
    [TestCase("a_b.com")]
    [TestCase("exa mple.org")]
    [TestCase("a@b.com")]
    [TestCase("example.org>")]
    [TestCase("xn--zz.com")]
    [TestCase("192.0.2.1")]
    [TestCase("example.123")]
    public void TryNormalize_rejects_invalid_names(string? input)
    {
        bool ok = DomainNormalizer.TryNormalize(input, out string ascii);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(ascii, Is.Empty);
        });
    }

    [Test]
    public void Label_of_63_octets_is_valid_and_64_is_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DomainNormalizer.TryNormalize(new string('a', 63) + ".com", out _), Is.True);
            Assert.That(DomainNormalizer.TryNormalize(new string('a', 64) + ".com", out _), Is.False);
        });
    }

    [Test]
    public void Name_of_253_octets_is_valid_and_254_is_not()
    {
        string label = new('a', 63);
        string name253 = $"{label}.{label}.{label}.{new string('b', 61)}";
        string name254 = $"{label}.{label}.{label}.{new string('b', 62)}";
        Assert.That(name253, Has.Length.EqualTo(253));

        Assert.Multiple(() =>
        {
            Assert.That(DomainNormalizer.TryNormalize(name253, out _), Is.True);
            Assert.That(DomainNormalizer.TryNormalize(name253 + ".", out _), Is.True, "the trailing dot is not counted");
            Assert.That(DomainNormalizer.TryNormalize(name254, out _), Is.False);
        });
    }

    [Test]
    public void Unicode_label_that_becomes_too_long_as_punycode_is_invalid()
    {
        // 30 distinct CJK characters: short in Unicode, well over 63 octets as an xn-- label.
        string label = new(Enumerable.Range(0, 30).Select(i => (char)(0x4E00 + (i * 397))).ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(label, Has.Length.LessThan(63));
            Assert.That(DomainNormalizer.TryNormalize(label + ".de", out _), Is.False);
        });
    }

    [TestCase("someone@nhs.net", "nhs.net")]
    [TestCase("<someone@NHS.NET>", "nhs.net")]
    [TestCase("  Someone@Example.NHS.net.  ", "example.nhs.net")]
    [TestCase("\"a@b\"@x.com", "x.com")]
    [TestCase("\"a b\"@x.com", "x.com")]
    [TestCase("\"a\\\"b\"@x.com", "x.com")]
    [TestCase("first.last+tag@example.org", "example.org")]
    [TestCase("nhs.net", "nhs.net")]
    [TestCase("jörg@bücher.de", "xn--bcher-kva.de")]
    public void TryGetDomain_finds_the_domain(string input, string expected)
    {
        bool ok = DomainNormalizer.TryGetDomain(input, out string? ascii, out bool literal);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(ascii, Is.EqualTo(expected));
            Assert.That(literal, Is.False);
        });
    }

    [TestCase("user@[192.0.2.1]", "[192.0.2.1]")]
    [TestCase("<user@[192.0.2.1]>", "[192.0.2.1]")]
    [TestCase("user@[IPv6:2001:DB8::1]", "[ipv6:2001:db8::1]")]
    [TestCase("[192.0.2.1]", "[192.0.2.1]")]
    public void TryGetDomain_recognises_address_literals(string input, string expected)
    {
        bool ok = DomainNormalizer.TryGetDomain(input, out string? ascii, out bool literal);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(ascii, Is.EqualTo(expected));
            Assert.That(literal, Is.True);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("<>")]
    [TestCase("@nhs.net")]
    [TestCase("a@")]
    [TestCase("a@b..c")]
    [TestCase("a b@nhs.net")]
    [TestCase("a@ nhs.net")]
    [TestCase("a @nhs.net")]
    [TestCase("a@nhs.net x")]
    [TestCase("a@nhs.net>")]
    [TestCase("a@b@nhs.net")]
    [TestCase("a@-bad-.com")]
    [TestCase("\"unterminated@nhs.net")]
    [TestCase("\"a\"b@nhs.net")]
    [TestCase("user@[192.0.2.256]")]
    [TestCase("user@[192.0.2]")]
    [TestCase("user@[1]")]
    [TestCase("user@[IPv6:not-an-address]")]
    [TestCase("user@[IPv6:192.0.2.1]")]
    [TestCase("user@[tag:content]")]
    [TestCase("user@[192.0.2.1")]
    [TestCase("user@192.0.2.1")]
    public void TryGetDomain_rejects_malformed_input(string? input)
    {
        bool ok = DomainNormalizer.TryGetDomain(input, out string? ascii, out bool literal);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(ascii, Is.Null);
            Assert.That(literal, Is.False);
        });
    }

    [Test]
    public void Hostile_input_never_throws()
    {
        var random = new Random(1596);
        string alphabet = "aZ09.-@<>[]\"\\ :\u00fc\u0435\u200d\u00ad\uFEFF\uD800\u3002";
        for (int i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            string input = new(chars);
            Assert.DoesNotThrow(() => DomainNormalizer.TryGetDomain(input, out _, out _), input);
        }

        Assert.DoesNotThrow(() => DomainNormalizer.TryGetDomain(new string('a', 100_000) + "@x.com", out _, out _));
    }
}
