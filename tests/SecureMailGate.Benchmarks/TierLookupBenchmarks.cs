using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// Cost of classifying one recipient against accredited lists of 10, 1,000 and 100,000 entries: exact hit, suffix
/// hit, miss and Unicode (IDNA) names, through <see cref="TierClassifier.Classify"/> (the value the engine keeps)
/// and <see cref="TierClassifier.ClassifyTier"/> (the tier alone), and the set lookup alone.
/// Run: <c>dotnet run -c Release -- --filter '*TierLookup*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class TierLookupBenchmarks
{
    private TierClassifier classifier = null!;
    private DomainSuffixSet accredited = null!;
    private string exactHit = string.Empty;
    private string suffixHit = string.Empty;
    private string exactDomain = string.Empty;
    private string suffixDomain = string.Empty;

    /// <summary>Entries in the accredited list.</summary>
    [Params(10, 1_000, 100_000)]
    public int Entries { get; set; }

    /// <summary>Builds a list of half exact entries, half <c>*.suffix</c> entries, plus one Unicode entry.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] entries = Enumerable.Range(0, Entries)
            .Select(i => i % 2 == 0 ? $"council{i}.gov.uk" : $"*.trust{i}.example.org")
            .Append("bücher.example.de")
            .ToArray();
        classifier = new TierClassifier(PolicyOptions.Default with { AccreditedDomains = entries }, TimeProvider.System);
        accredited = DomainSuffixSet.FromPatterns(DomainSuffixSetPatterns(entries));
        int even = Entries / 2 / 2 * 2;
        exactDomain = $"council{even}.gov.uk";
        suffixDomain = $"mail.ward.trust{even + 1}.example.org";
        exactHit = "someone@" + exactDomain;
        suffixHit = "someone@" + suffixDomain;
    }

    /// <summary>Full classification, exact accredited hit.</summary>
    [Benchmark]
    public RecipientTier ClassifyExactHit() => classifier.Classify(exactHit).Tier;

    /// <summary>Full classification, <c>*.suffix</c> accredited hit.</summary>
    [Benchmark]
    public RecipientTier ClassifySuffixHit() => classifier.Classify(suffixHit).Tier;

    /// <summary>Full classification that falls through every list to external.</summary>
    [Benchmark]
    public RecipientTier ClassifyMiss() => classifier.Classify("someone@mail.example.com").Tier;

    /// <summary>
    /// Full classification of a miss with its domain read, as the engine does for its decision: the one string a
    /// name that is on no list costs.
    /// </summary>
    [Benchmark]
    public string? ClassifyMissReadDomain() => classifier.Classify("someone@mail.example.com").Domain;

    /// <summary>Full classification of a Unicode domain on the list (the IDNA path).</summary>
    [Benchmark]
    public RecipientTier ClassifyUnicodeHit() => classifier.Classify("someone@Bücher.example.de").Tier;

    /// <summary>Full classification of a Unicode domain not on the list (the IDNA path).</summary>
    [Benchmark]
    public RecipientTier ClassifyUnicodeMiss() => classifier.Classify("someone@mädchen.example.de").Tier;

    /// <summary>Tier alone, exact hit: the allocation-free path.</summary>
    [Benchmark]
    public RecipientTier TierExactHit() => classifier.ClassifyTier(exactHit);

    /// <summary>Tier alone, suffix hit.</summary>
    [Benchmark]
    public RecipientTier TierSuffixHit() => classifier.ClassifyTier(suffixHit);

    /// <summary>Tier alone, miss.</summary>
    [Benchmark]
    public RecipientTier TierMiss() => classifier.ClassifyTier("someone@mail.example.com");

    /// <summary>The set lookup alone, exact hit.</summary>
    [Benchmark]
    public bool SetExactHit() => accredited.Contains(exactDomain);

    /// <summary>The set lookup alone, suffix hit.</summary>
    [Benchmark]
    public bool SetSuffixHit() => accredited.Contains(suffixDomain);

    /// <summary>The set lookup alone, miss after walking every label.</summary>
    [Benchmark]
    public bool SetMiss() => accredited.Contains("a.b.c.mail.example.com");

    private static string[] DomainSuffixSetPatterns(string[] entries) =>
        entries.Select(e => DomainNormalizer.TryNormalize(e.StartsWith("*.", StringComparison.Ordinal) ? e.Substring(2) : e, out string a)
            ? (e.StartsWith("*.", StringComparison.Ordinal) ? "*." + a : a)
            : e).ToArray();
}
