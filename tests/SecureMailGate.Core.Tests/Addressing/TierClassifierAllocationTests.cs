using System;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Addressing;

/// <summary>What the value-type classification promises callers: no allocation for ASCII addresses, the same domain whenever read.</summary>
[TestFixture]
public class TierClassifierAllocationTests
{
    private static readonly TierClassifier Classifier = new(
        PolicyOptions.Default with { AccreditedDomains = new[] { "council.example.gov.uk", "*.partner.example.org" } },
        FixedClock.At(2025, 6, 1));

    [TestCase("someone@council.example.gov.uk")]
    [TestCase("someone@mail.partner.example.org")]
    [TestCase("Some.One@Mail.Example.COM.")]
    [TestCase("<someone@x.nhs.net>")]
    [TestCase("someone@gsi.gov.uk")]
    [TestCase("nhs.net")]
    public void Classifying_an_ascii_address_allocates_nothing(string address)
    {
        // Warm up: JIT, static constructors, the clock.
        for (int i = 0; i < 3; i++)
        {
            _ = Classifier.Classify(address).Tier;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        RecipientTier tier = Classifier.Classify(address).Tier;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(tier, Is.Not.EqualTo(RecipientTier.Invalid));
        });
    }

    [Test]
    public void Domain_kept_as_a_range_of_the_input_reads_the_same_every_time_and_survives_a_new_input()
    {
        TierClassification classified = Classifier.Classify("  <Some.One@Mail.Example.COM.>  ");
        TierClassification renamed = classified with { Input = "Some One <some.one@mail.example.com>" };

        Assert.Multiple(() =>
        {
            Assert.That(classified.Domain, Is.EqualTo("mail.example.com"));
            Assert.That(classified.Domain, Is.Not.SameAs(null).And.EqualTo(Classifier.Classify("  <Some.One@Mail.Example.COM.>  ").Domain));
            Assert.That(renamed.Domain, Is.EqualTo("mail.example.com"));
            Assert.That(renamed.Input, Is.EqualTo("Some One <some.one@mail.example.com>"));
            Assert.That(classified, Is.EqualTo(new TierClassification("  <Some.One@Mail.Example.COM.>  ", "mail.example.com", RecipientTier.External)));
            Assert.That(classified.GetHashCode(), Is.EqualTo(new TierClassification("  <Some.One@Mail.Example.COM.>  ", "mail.example.com", RecipientTier.External).GetHashCode()));
        });
    }
}
