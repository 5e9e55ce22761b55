using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>Cost of classifying one recipient against a 10,000-entry accredited list.</summary>
[MemoryDiagnoser]
public class TierLookupBenchmarks
{
    private TierClassifier classifier = null!;
    private DomainSuffixSet accredited = null!;

    /// <summary>Builds a list of half exact entries, half <c>*.suffix</c> entries.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] entries = Enumerable.Range(0, 10_000)
            .Select(i => i % 2 == 0 ? $"council{i}.gov.uk" : $"*.trust{i}.example.org")
            .ToArray();
        classifier = new TierClassifier(PolicyOptions.Default with { AccreditedDomains = entries }, TimeProvider.System);
        accredited = DomainSuffixSet.FromPatterns(entries);
    }

    /// <summary>Full classification, exact accredited hit.</summary>
    [Benchmark]
    public RecipientTier ClassifyExactHit() => classifier.Classify("someone@council5000.gov.uk").Tier;

    /// <summary>Full classification, <c>*.suffix</c> accredited hit.</summary>
    [Benchmark]
    public RecipientTier ClassifySuffixHit() => classifier.Classify("someone@mail.ward.trust5001.example.org").Tier;

    /// <summary>Full classification that falls through every list to external.</summary>
    [Benchmark]
    public RecipientTier ClassifyMiss() => classifier.Classify("someone@mail.example.com").Tier;

    /// <summary>Full classification of a Unicode domain (the IDNA path).</summary>
    [Benchmark]
    public RecipientTier ClassifyUnicodeMiss() => classifier.Classify("someone@bücher.example.de").Tier;

    /// <summary>The set lookup alone, exact hit.</summary>
    [Benchmark]
    public bool SetExactHit() => accredited.Contains("council5000.gov.uk");

    /// <summary>The set lookup alone, suffix hit.</summary>
    [Benchmark]
    public bool SetSuffixHit() => accredited.Contains("mail.ward.trust5001.example.org");

    /// <summary>The set lookup alone, miss after walking every label.</summary>
    [Benchmark]
    public bool SetMiss() => accredited.Contains("a.b.c.mail.example.com");
}
