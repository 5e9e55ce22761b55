using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Addressing.Reference;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Addressing;

/// <summary>
/// The single-walk index against the nine-set classifier it replaced (<see cref="ReferenceTierClassifier"/>, on the
/// frozen <see cref="ReferenceDomainNormalizer"/>): every generated address must get the same tier and domain.
/// </summary>
[TestFixture]
public class TierClassifierDifferentialTests
{
    private static readonly PolicyOptions Options = PolicyOptions.Default with
    {
        InternalDomains = new[] { "OurTrust.NHS.uk.", "internal.example", "not a domain" },
        SecureOverrides = new[] { "tie.example.org", "secure-parent.example.org", "x.insecure-parent.example.org", "efaxsend.com" },
        InsecureOverrides = new[] { "tie.example.org", "insecure-parent.example.org", "y.secure-parent.example.org", "trust.nhs.net" },
        AccreditedDomains = new[]
        {
            "council.example.gov.uk", "*.Partner.Example.org", "both.example.net", "*.both.example.net",
            "bücher.example.de", "*.secure.nhs.uk", "mod.uk", "*.", "bad_entry.com",
        },
        ProhibitedChannels = new[] { "efaxsend.com", "fax.nhs.uk", "sms.example.com" },
        LegacyDomains = PolicyOptions.DefaultLegacyDomains.Concat(new[]
        {
            new LegacyDomain("a.gsi.gov.uk", new DateTime(2030, 1, 1)),
            new LegacyDomain("twice.example", new DateTime(2030, 1, 1)),
            new LegacyDomain("twice.example", new DateTime(2020, 1, 1)),
            new LegacyDomain("nodate.example", null),
            new LegacyDomain("nodate.example", new DateTime(2020, 1, 1)),
            new LegacyDomain("dated.example", new DateTime(2020, 1, 1)),
            new LegacyDomain("dated.example", null),
            new LegacyDomain("ourtrust.nhs.uk", new DateTime(2020, 1, 1)),
        }).ToArray(),
    };

    private static readonly string[] Domains =
    {
        "ourtrust.nhs.uk", "internal.example", "tie.example.org", "secure-parent.example.org", "x.insecure-parent.example.org",
        "insecure-parent.example.org", "y.secure-parent.example.org", "trust.nhs.net", "nhs.net", "council.example.gov.uk",
        "partner.example.org", "both.example.net", "secure.nhs.uk", "mod.uk", "efaxsend.com", "fax.nhs.uk", "sms.example.com",
        "gsi.gov.uk", "a.gsi.gov.uk", "twice.example", "nodate.example", "dated.example", "cjsm.net", "pnn.police.uk",
        "nhs.uk", "example.org", "gov.uk", "gmail.com", "com", "localhost", "example.com",
    };

    private static readonly string[] Unusual =
    {
        "a@bücher.example.de", "a@BÜCHER.example.de", "a@x.bücher.example.de", "a@mädchen.example.de", "bücher.example.de",
        "a@xn--bcher-kva.example.de", "a@XN--BCHER-KVA.example.de.", "a@xn--zz.com", "a@nhs.n\u0435t", "a@münchen.nhs.uk",
        "a@[192.0.2.1]", "a@[IPv6:2001:DB8::1]", "a@[300.1.1.1]", "a@[tag:x]", "a@[1.2.3.4", "a@[IPv6:fe80::1%eth0]",
        string.Empty, " ", "a@", "@", "a@-x.com", "a@x-.com", "a@x_y.com", "a@192.0.2.1", "a@.", "a@..", "<>", "< >", "<a@nhs.net",
        "a@nhs.net>", "\"unterminated@nhs.net", "\"a\\\"b\"@nhs.net", "\"a\\\"@nhs.net", "\"\"@nhs.net", "a\u00A0b@nhs.net",
        "a\u0085b@nhs.net", "é@nhs.net", "a\u007F@nhs.net", "a\u0001@nhs.net", "a\tb@nhs.net", "\t a@nhs.net \r\n", "a@nhs\u00A0.net",
        "a@\u00A0nhs.net", "a@" + new string('a', 63) + ".com", "a@" + new string('a', 64) + ".com",
        "a@" + string.Join(".", Enumerable.Repeat(new string('a', 62), 4)) + ".uk", new string('a', 2000) + "@nhs.net",
        "a@" + string.Join(".", Enumerable.Repeat("bü", 90)) + ".de", "a@" + string.Join(".", Enumerable.Repeat("bü", 90)) + " .de",
        "a@xn--bcher-kva .de", "a@bü cher.de", "a@bücher.de\u00A0", "a@[1.2.3.4 ]", "a@[ 1.2.3.4]", "a@[1.2.3.4] ", "a@nhs.net\t.",
        "a@" + new string('a', 300) + " .com", "a@NHS.Net.", "a@x.SECURE.nhs.uk", "\"\"\"@nhs.net", "a@nhs..net", "a@.nhs.net",
    };

    private static IEnumerable<string> Inputs()
    {
        foreach (string domain in Domains)
        {
            foreach (string name in new[] { domain, "sub." + domain, "a.b." + domain, "not" + domain, domain + ".example.com" })
            {
                yield return name;
                yield return name + ".";
                yield return name.ToUpperInvariant();
                yield return "someone@" + name;
                yield return "Some.One@" + name.ToUpperInvariant() + ".";
                yield return "<a@" + name + ">";
                yield return "  < A@" + name + " >  ";
                yield return "\"q@x\"@" + name;
                yield return "\"a b\"@" + name;
                yield return "a b@" + name;
                yield return "a(b)@" + name;
                yield return "a@ " + name;
                yield return "@" + name;
                yield return "a@" + name + "..";
                yield return "a@@" + name;
            }
        }

        foreach (string input in Unusual)
        {
            yield return input;
        }
    }

    [TestCase(2019, 3, 30)]
    [TestCase(2019, 3, 31)]
    [TestCase(2025, 6, 1)]
    [TestCase(2031, 1, 1)]
    public void Single_walk_index_classifies_every_input_as_the_nine_set_classifier_did(int year, int month, int day)
    {
        FixedClock clock = FixedClock.At(year, month, day);
        var classifier = new TierClassifier(Options, clock);
        var reference = new ReferenceTierClassifier(Options, clock);
        var differences = new List<string>();
        string[] inputs = Inputs().ToArray();

        foreach (string input in inputs)
        {
            (string? domain, RecipientTier tier) expected = reference.Classify(input);
            TierClassification actual = classifier.Classify(input);
            RecipientTier tierOnly = classifier.ClassifyTier(input);
            if (actual.Tier != expected.tier || tierOnly != expected.tier || actual.Domain != expected.domain || !ReferenceEquals(actual.Input, input))
            {
                differences.Add($"'{input}': expected {expected.tier} {expected.domain}, got {actual.Tier}/{tierOnly} {actual.Domain}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(differences, Is.Empty);
            // Every tier, except that before the first sunset nothing is retired yet.
            Assert.That(
                inputs.Select(i => reference.Classify(i).Tier).Distinct().Count(),
                Is.EqualTo(Enum.GetValues(typeof(RecipientTier)).Length - (year < 2019 || (year == 2019 && month < 3) || (year == 2019 && month == 3 && day < 31) ? 1 : 0)),
                "the generated inputs reach every tier");
        });
    }
}
