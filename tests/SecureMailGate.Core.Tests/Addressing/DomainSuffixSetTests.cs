using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;

namespace SecureMailGate.Core.Tests.Addressing;

[TestFixture]
public class DomainSuffixSetTests
{
    [TestCase("example.org", true)]
    [TestCase("a.example.org", false)]
    [TestCase("secure.nhs.uk", false)]
    [TestCase("a.secure.nhs.uk", true)]
    [TestCase("b.a.secure.nhs.uk", true)]
    [TestCase("notsecure.nhs.uk", false)]
    [TestCase("secure.nhs.uk.example.com", false)]
    [TestCase("org", false)]
    [TestCase("", false)]
    public void Patterns_match_exactly_or_strict_subdomains_of_star_entries(string domain, bool expected)
    {
        var set = DomainSuffixSet.FromPatterns(new[] { "example.org", "*.secure.nhs.uk" });

        Assert.That(set.Contains(domain), Is.EqualTo(expected));
    }

    [TestCase("cjsm.net", true)]
    [TestCase("x.cjsm.net", true)]
    [TestCase("y.x.cjsm.net", true)]
    [TestCase("notcjsm.net", false)]
    [TestCase("cjsm.net.example.com", false)]
    [TestCase("net", false)]
    public void Domains_with_subdomains_match_the_domain_and_everything_under_it(string domain, bool expected)
    {
        var set = DomainSuffixSet.FromDomainsWithSubdomains(new[] { "cjsm.net" });

        Assert.That(set.Contains(domain), Is.EqualTo(expected));
    }

    [Test]
    public void TryMatch_returns_the_most_specific_entry()
    {
        var set = DomainSuffixSet.FromDomainsWithSubdomains(new[] { "gov.uk", "gsi.gov.uk" });

        Assert.Multiple(() =>
        {
            Assert.That(set.TryMatch("a.gsi.gov.uk", out string? m1), Is.True);
            Assert.That(m1, Is.EqualTo("gsi.gov.uk"));
            Assert.That(set.TryMatch("a.other.gov.uk", out string? m2), Is.True);
            Assert.That(m2, Is.EqualTo("gov.uk"));
            Assert.That(set.TryMatch("example.com", out string? m3), Is.False);
            Assert.That(m3, Is.Null);
        });
    }

    [Test]
    public void Empty_matches_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DomainSuffixSet.Empty.Contains("nhs.net"), Is.False);
            Assert.That(DomainSuffixSet.Empty.Count, Is.Zero);
        });
    }

    [Test]
    public void Count_is_distinct_entries()
    {
        var set = DomainSuffixSet.FromPatterns(new[] { "a.org", "a.org", "*.a.org" });

        Assert.That(set.Count, Is.EqualTo(2));
    }

    [TestCase("Example.org")]
    [TestCase("example.org.")]
    [TestCase("exa mple.org")]
    [TestCase("*.example.org")]
    [TestCase("")]
    public void Unnormalised_entries_are_refused(string entry)
    {
        Assert.That(() => DomainSuffixSet.FromDomainsWithSubdomains(new[] { entry }), Throws.ArgumentException);
    }

    [Test]
    public void Null_arguments_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => DomainSuffixSet.FromPatterns(null!), Throws.ArgumentNullException);
            Assert.That(() => DomainSuffixSet.FromDomainsWithSubdomains(null!), Throws.ArgumentNullException);
            Assert.That(() => DomainSuffixSet.Empty.Contains(null!), Throws.ArgumentNullException);
        });
    }

    [Test]
    public void Ten_thousand_entries_match_correctly()
    {
        var entries = Enumerable.Range(0, 10_000)
            .Select(i => i % 2 == 0 ? $"org{i}.example.gov.uk" : $"*.trust{i}.example.org")
            .ToArray();
        var set = DomainSuffixSet.FromPatterns(entries);

        Assert.Multiple(() =>
        {
            Assert.That(set.Count, Is.EqualTo(10_000));
            Assert.That(set.Contains("org9998.example.gov.uk"), Is.True);
            Assert.That(set.Contains("mail.org9998.example.gov.uk"), Is.False);
            Assert.That(set.Contains("mail.trust9999.example.org"), Is.True);
            Assert.That(set.Contains("trust9999.example.org"), Is.False);
            Assert.That(set.Contains("mail.trust10001.example.org"), Is.False);
        });
    }
}
