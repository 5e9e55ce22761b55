using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Addressing;

[TestFixture]
public class TierClassifierTests
{
    private static readonly PolicyOptions Options = PolicyOptions.Default with
    {
        InternalDomains = new[] { "OurTrust.NHS.uk." },
        AccreditedDomains = new[] { "council.example.gov.uk", "*.Partner.Example.org" },
        ProhibitedChannels = new[] { "efaxsend.com", "rcfax.com", "sms.example.com" },
    };

    private static TierClassifier Classifier(PolicyOptions? options = null, FixedClock? clock = null) =>
        new(options ?? Options, clock ?? FixedClock.At(2025, 6, 1));

    private static RecipientTier TierOf(string input, PolicyOptions? options = null, FixedClock? clock = null) =>
        Classifier(options, clock).Classify(input).Tier;

    [TestCase("someone@ourtrust.nhs.uk", RecipientTier.Internal)]
    [TestCase("someone@ward.ourtrust.nhs.uk", RecipientTier.Internal)]
    [TestCase("someone@nhs.net", RecipientTier.NhsMail)]
    [TestCase("someone@NHS.NET.", RecipientTier.NhsMail)]
    [TestCase("someone@x.nhs.net", RecipientTier.NhsMail)]
    [TestCase("someone@gsi.gov.uk", RecipientTier.Retired)]
    [TestCase("someone@dept.gsi.gov.uk", RecipientTier.Retired)]
    [TestCase("someone@gcsx.gov.uk", RecipientTier.Retired)]
    [TestCase("someone@scn.gov.uk", RecipientTier.Retired)]
    [TestCase("someone@cjsm.net", RecipientTier.GovSecureLegacy)]
    [TestCase("someone@court.cjsm.net", RecipientTier.GovSecureLegacy)]
    [TestCase("someone@met.pnn.police.uk", RecipientTier.GovSecureLegacy)]
    [TestCase("someone@mod.uk", RecipientTier.GovSecureLegacy)]
    [TestCase("someone@a.secure.nhs.uk", RecipientTier.SecureNhsLocal)]
    [TestCase("someone@b.a.secure.nhs.uk", RecipientTier.SecureNhsLocal)]
    [TestCase("someone@secure.nhs.uk", RecipientTier.NhsInsecure)]
    [TestCase("someone@council.example.gov.uk", RecipientTier.Accredited)]
    [TestCase("someone@x.council.example.gov.uk", RecipientTier.External)]
    [TestCase("someone@mail.partner.example.org", RecipientTier.Accredited)]
    [TestCase("someone@partner.example.org", RecipientTier.External)]
    [TestCase("0123@efaxsend.com", RecipientTier.ProhibitedChannel)]
    [TestCase("0123@uk.rcfax.com", RecipientTier.ProhibitedChannel)]
    [TestCase("07700900000@sms.example.com", RecipientTier.ProhibitedChannel)]
    [TestCase("someone@othertrust.nhs.uk", RecipientTier.NhsInsecure)]
    [TestCase("someone@nhs.uk", RecipientTier.NhsInsecure)]
    [TestCase("someone@notsecure.nhs.uk", RecipientTier.NhsInsecure)]
    [TestCase("someone@gmail.com", RecipientTier.External)]
    [TestCase("someone@nhs.net.example.com", RecipientTier.External)]
    [TestCase("someone@secure.nhs.uk.example.com", RecipientTier.External)]
    [TestCase("someone@fakenhs.net", RecipientTier.External)]
    [TestCase("someone@nhs.n\u0435t", RecipientTier.External)]
    [TestCase("someone@[192.0.2.1]", RecipientTier.External)]
    [TestCase("nhs.net", RecipientTier.NhsMail)]
    [TestCase("@nhs.net", RecipientTier.Invalid)]
    [TestCase("someone@", RecipientTier.Invalid)]
    [TestCase("a@b..c", RecipientTier.Invalid)]
    [TestCase("a b@nhs.net", RecipientTier.Invalid)]
    [TestCase("a@-bad-.com", RecipientTier.Invalid)]
    [TestCase("", RecipientTier.Invalid)]
    [TestCase("  <Someone@Ward.OurTrust.NHS.uk>  ", RecipientTier.Internal)]
    [TestCase("\"a@b\"@mail.partner.example.org", RecipientTier.Accredited)]
    [TestCase("someone@xn--bcher-kva.de", RecipientTier.External)]
    [TestCase("someone@xn--zz.com", RecipientTier.Invalid)]
    [TestCase("someone@192.0.2.1", RecipientTier.Invalid)]
    [TestCase("someone@a_b.nhs.net", RecipientTier.Invalid)]
    [TestCase("someone@ nhs.net", RecipientTier.Invalid)]
    [TestCase("someone@.", RecipientTier.Invalid)]
    public void Classifies_every_tier(string input, RecipientTier expected)
    {
        var classifier = Classifier();

        Assert.Multiple(() =>
        {
            Assert.That(classifier.Classify(input).Tier, Is.EqualTo(expected), "Classify");
            Assert.That(classifier.ClassifyTier(input), Is.EqualTo(expected), "ClassifyTier, the allocation-free path");
        });
    }

    [TestCase(61, RecipientTier.External)]
    [TestCase(62, RecipientTier.Invalid)]
    public void Name_of_253_octets_is_the_longest_accepted(int lastLabel, RecipientTier expected)
    {
        // Three 62-octet labels, one of lastLabel octets, then "uk": 253 octets with 61, 254 with 62.
        string label = new('a', 62);
        string input = $"someone@{label}.{label}.{label}.{new string('b', lastLabel)}.uk";
        var classifier = Classifier();

        Assert.Multiple(() =>
        {
            Assert.That(classifier.Classify(input).Tier, Is.EqualTo(expected));
            Assert.That(classifier.ClassifyTier(input), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Canonical_bare_domain_is_returned_as_given()
    {
        const string domain = "ward.ourtrust.nhs.uk";

        Assert.That(Classifier().Classify(domain).Domain, Is.SameAs(domain));
    }

    [Test]
    public void Classification_carries_input_and_normalised_domain()
    {
        var classifier = Classifier();

        Assert.Multiple(() =>
        {
            Assert.That(classifier.Classify("x@Example.NHS.net."), Is.EqualTo(new TierClassification("x@Example.NHS.net.", "example.nhs.net", RecipientTier.NhsMail)));
            Assert.That(classifier.Classify("a@bücher.de"), Is.EqualTo(new TierClassification("a@bücher.de", "xn--bcher-kva.de", RecipientTier.External)));
            Assert.That(classifier.Classify("a@nhs.n\u0435t").Domain, Is.EqualTo("nhs.xn--nt-nlc"));
            Assert.That(classifier.Classify("u@[IPv6:2001:DB8::1]"), Is.EqualTo(new TierClassification("u@[IPv6:2001:DB8::1]", "[ipv6:2001:db8::1]", RecipientTier.External)));
            Assert.That(classifier.Classify("a@"), Is.EqualTo(new TierClassification("a@", null, RecipientTier.Invalid)));
        });
    }

    [Test]
    public void Sunset_applies_from_the_retirement_day_on()
    {
        var clock = FixedClock.At(2019, 3, 30);
        var classifier = Classifier(clock: clock);

        Assert.That(classifier.Classify("a@gsi.gov.uk").Tier, Is.EqualTo(RecipientTier.GovSecureLegacy));

        clock.Set(new DateTimeOffset(2019, 3, 30, 23, 59, 59, TimeSpan.Zero));
        Assert.That(classifier.Classify("a@gsi.gov.uk").Tier, Is.EqualTo(RecipientTier.GovSecureLegacy));

        clock.Set(new DateTimeOffset(2019, 3, 31, 0, 0, 0, TimeSpan.Zero));
        Assert.That(classifier.Classify("a@gsi.gov.uk").Tier, Is.EqualTo(RecipientTier.Retired));
    }

    [Test]
    public void Sunset_uses_the_utc_date()
    {
        // 00:30 on 31 March in UTC+1 is still 30 March in UTC.
        var clock = new FixedClock(new DateTimeOffset(2019, 3, 31, 0, 30, 0, TimeSpan.FromHours(1)));

        Assert.That(TierOf("a@gsi.gov.uk", clock: clock), Is.EqualTo(RecipientTier.GovSecureLegacy));
    }

    [Test]
    public void Legacy_entry_without_retirement_never_retires()
    {
        var clock = FixedClock.At(9999, 12, 31);

        Assert.Multiple(() =>
        {
            Assert.That(TierOf("a@cjsm.net", clock: clock), Is.EqualTo(RecipientTier.GovSecureLegacy));
            Assert.That(TierOf("a@gsi.gov.uk", clock: clock), Is.EqualTo(RecipientTier.Retired));
        });
    }

    [Test]
    public void Configured_legacy_list_replaces_the_built_in_one()
    {
        var options = Options with
        {
            LegacyDomains = new[]
            {
                new LegacyDomain("Legacy.Example.GOV.uk", new DateTime(2030, 1, 1)),
                new LegacyDomain("gsi.gov.uk", null),
                new LegacyDomain("keep.gsi.gov.uk", new DateTime(2020, 1, 1)),
            },
        };

        Assert.Multiple(() =>
        {
            Assert.That(TierOf("a@legacy.example.gov.uk", options), Is.EqualTo(RecipientTier.GovSecureLegacy));
            Assert.That(TierOf("a@legacy.example.gov.uk", options, FixedClock.At(2030, 1, 1)), Is.EqualTo(RecipientTier.Retired));
            Assert.That(TierOf("a@gsi.gov.uk", options), Is.EqualTo(RecipientTier.GovSecureLegacy), "configured without a date");
            Assert.That(TierOf("a@x.keep.gsi.gov.uk", options), Is.EqualTo(RecipientTier.Retired), "most specific entry decides");
            Assert.That(TierOf("a@gcsx.gov.uk", options), Is.EqualTo(RecipientTier.External), "no longer listed");
        });
    }

    [Test]
    public void Duplicate_legacy_entry_takes_the_earliest_sunset()
    {
        var options = Options with
        {
            LegacyDomains = new[]
            {
                new LegacyDomain("old.gov.uk", null),
                new LegacyDomain("old.gov.uk", new DateTime(2020, 1, 1)),
                new LegacyDomain("old.gov.uk", new DateTime(2040, 1, 1)),
            },
        };

        Assert.That(TierOf("a@old.gov.uk", options), Is.EqualTo(RecipientTier.Retired));
    }

    [Test]
    public void Insecure_override_beats_nhsmail_and_accredited()
    {
        var options = Options with { InsecureOverrides = new[] { "nhs.net", "council.example.gov.uk" } };

        Assert.Multiple(() =>
        {
            Assert.That(TierOf("a@nhs.net", options), Is.EqualTo(RecipientTier.External));
            Assert.That(TierOf("a@sub.nhs.net", options), Is.EqualTo(RecipientTier.External));
            Assert.That(TierOf("a@council.example.gov.uk", options), Is.EqualTo(RecipientTier.External));
        });
    }

    [Test]
    public void Secure_override_makes_a_domain_accredited_ahead_of_later_rows()
    {
        var options = Options with { SecureOverrides = new[] { "gsi.gov.uk", "partner.example.com", "efaxsend.com" } };

        Assert.Multiple(() =>
        {
            Assert.That(TierOf("a@gsi.gov.uk", options), Is.EqualTo(RecipientTier.Accredited));
            Assert.That(TierOf("a@mail.partner.example.com", options), Is.EqualTo(RecipientTier.Accredited));
            Assert.That(TierOf("a@efaxsend.com", options), Is.EqualTo(RecipientTier.Accredited));
        });
    }

    [Test]
    public void Internal_beats_overrides()
    {
        var options = Options with { InsecureOverrides = new[] { "ourtrust.nhs.uk" } };

        Assert.That(TierOf("a@ourtrust.nhs.uk", options), Is.EqualTo(RecipientTier.Internal));
    }

    [Test]
    public void Conflicting_overrides_more_specific_wins_and_insecure_wins_a_tie()
    {
        var options = Options with
        {
            SecureOverrides = new[] { "a.example.com", "both.example.com" },
            InsecureOverrides = new[] { "example.com", "both.example.com" },
        };

        Assert.Multiple(() =>
        {
            Assert.That(TierOf("x@mail.a.example.com", options), Is.EqualTo(RecipientTier.Accredited));
            Assert.That(TierOf("x@b.example.com", options), Is.EqualTo(RecipientTier.External));
            Assert.That(TierOf("x@both.example.com", options), Is.EqualTo(RecipientTier.External));
        });
    }

    [Test]
    public void Invalid_entries_in_options_are_ignored()
    {
        var options = Options with { InternalDomains = new[] { "exa mple.org", "", "ourtrust.nhs.uk" }, AccreditedDomains = new[] { "*.", "bad..org", "good.org" } };
        var classifier = Classifier(options);

        Assert.Multiple(() =>
        {
            Assert.That(classifier.Classify("a@ourtrust.nhs.uk").Tier, Is.EqualTo(RecipientTier.Internal));
            Assert.That(classifier.Classify("a@good.org").Tier, Is.EqualTo(RecipientTier.Accredited));
        });
    }

    [Test]
    public void Ten_thousand_entry_accredited_list_classifies_correctly()
    {
        var accredited = Enumerable.Range(0, 10_000)
            .Select(i => i % 2 == 0 ? $"council{i}.gov.uk" : $"*.trust{i}.example.org")
            .ToArray();
        var classifier = Classifier(Options with { AccreditedDomains = accredited });

        Assert.Multiple(() =>
        {
            Assert.That(classifier.Classify("a@council0.gov.uk").Tier, Is.EqualTo(RecipientTier.Accredited));
            Assert.That(classifier.Classify("a@council9998.gov.uk").Tier, Is.EqualTo(RecipientTier.Accredited));
            Assert.That(classifier.Classify("a@council9999.gov.uk").Tier, Is.EqualTo(RecipientTier.External));
            Assert.That(classifier.Classify("a@mail.trust9999.example.org").Tier, Is.EqualTo(RecipientTier.Accredited));
            Assert.That(classifier.Classify("a@trust9999.example.org").Tier, Is.EqualTo(RecipientTier.External));
            Assert.That(classifier.Classify("a@nhs.net").Tier, Is.EqualTo(RecipientTier.NhsMail));
        });
    }

    [Test]
    public void Default_policy_carries_the_built_in_legacy_list()
    {
        // Guards the static initialisation order in PolicyOptions: Default once came out with no legacy list.
        Assert.That(PolicyOptions.Default.LegacyDomains, Is.EqualTo(PolicyOptions.DefaultLegacyDomains).And.Count.EqualTo(8));
    }

    [Test]
    public void Default_policy_has_no_internal_or_accredited_domains()
    {
        var classifier = new TierClassifier(PolicyOptions.Default, FixedClock.At(2025, 1, 1));

        Assert.Multiple(() =>
        {
            Assert.That(classifier.Classify("a@ourtrust.nhs.uk").Tier, Is.EqualTo(RecipientTier.NhsInsecure));
            Assert.That(classifier.Classify("a@efaxsend.com").Tier, Is.EqualTo(RecipientTier.ProhibitedChannel));
        });
    }

    [Test]
    public void Never_throws_for_any_string_and_refuses_null()
    {
        var classifier = Classifier();
        var random = new Random(7);
        string alphabet = "anhs.t@<>[]\"\\ -:\u0435\u00ad\uD800";
        for (int i = 0; i < 5_000; i++)
        {
            string input = new(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.DoesNotThrow(() => classifier.Classify(input), input);
        }

        Assert.Multiple(() =>
        {
            Assert.That(() => classifier.Classify(null!), Throws.ArgumentNullException);
            Assert.That(() => new TierClassifier(null!, TimeProvider.System), Throws.ArgumentNullException);
            Assert.That(() => new TierClassifier(Options, null!), Throws.ArgumentNullException);
        });
    }
}
