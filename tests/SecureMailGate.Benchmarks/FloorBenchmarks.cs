using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MimeKit;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// The engine against the floor it cannot go below: MimeKit loading the same message and reading every text part.
/// One operation is the whole 1,000-message clinic corpus (divide by 1,000 for per message) or one
/// <c>startrek.eml</c>. The ratio column (baseline = floor) is the figure the issue asks for.
/// Run: <c>dotnet run -c Release -- --filter '*FloorBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FloorBenchmarks
{
    private readonly SecureMailGateEngine _engine = EngineFor.Corpus();
    private ClinicCorpus _corpus = null!;
    private byte[] _startrek = Array.Empty<byte>();

    /// <summary>Generates the corpus and reads startrek.eml once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _corpus = ClinicCorpus.Generate();
        _startrek = File.ReadAllBytes(SharedCorpus.StarTrek());
    }

    /// <summary>Floor: MimeKit parses each corpus message and reads every text part.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("corpus")]
    public long CorpusMimeKitFloor()
    {
        long chars = 0;
        foreach (ClinicMessage message in _corpus.Messages)
        {
            chars += ReadAllText(message.Mime);
        }

        return chars;
    }

    /// <summary>The engine's whole evaluation of each corpus message, in process.</summary>
    [Benchmark]
    [BenchmarkCategory("corpus")]
    public int CorpusEvaluate()
    {
        int decisions = 0;
        foreach (ClinicMessage message in _corpus.Messages)
        {
            using var stream = new MemoryStream(message.Mime, writable: false);
            decisions += _engine.Evaluate(new MessageEnvelope("clinic@" + ClinicCorpus.InternalDomain, message.Recipients, stream)).Decisions.Count;
        }

        return decisions;
    }

    /// <summary>Floor for startrek.eml (177 KB, many parts).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("startrek")]
    public long StarTrekMimeKitFloor() => ReadAllText(_startrek);

    /// <summary>The engine's whole evaluation of startrek.eml.</summary>
    [Benchmark]
    [BenchmarkCategory("startrek")]
    public int StarTrekEvaluate()
    {
        using var stream = new MemoryStream(_startrek, writable: false);
        return _engine.Evaluate(new MessageEnvelope("clinic@" + ClinicCorpus.InternalDomain, new[] { "someone@gmail.com" }, stream)).Decisions.Count;
    }

    /// <summary>What any inspector of text must at least do: parse, decode, and read each text part.</summary>
    /// <param name="mime">The message.</param>
    /// <returns>Characters read, so the work is not optimised away.</returns>
    internal static long ReadAllText(byte[] mime)
    {
        using var stream = new MemoryStream(mime, writable: false);
        MimeMessage message = MimeMessage.Load(stream);
        long chars = 0;
        foreach (MimeEntity entity in message.BodyParts)
        {
            if (entity is TextPart text)
            {
                chars += text.Text.Length;
            }
        }

        return chars;
    }
}
