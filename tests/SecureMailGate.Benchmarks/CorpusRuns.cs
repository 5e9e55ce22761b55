using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// Stopwatch runs that BenchmarkDotNet does not fit: the engine's side of the peer comparison (the same files the
/// peer reads, scored against the corpus's truth) and the 100,000-message soak. Output names no identifier.
/// </summary>
internal static class CorpusRuns
{
    private const double WarmUpSeconds = 5;

    /// <summary>Evaluates every message of a written corpus in process and prints time and correctness.</summary>
    /// <param name="directory">A folder written by <see cref="ClinicCorpus.WriteTo"/>.</param>
    /// <param name="output">Where to print.</param>
    public static void EngineOverCorpus(string directory, TextWriter output)
    {
        string[] rows = File.ReadAllLines(Path.Combine(directory, "truth.csv")).Skip(1).Where(r => r.Length > 0).ToArray();
        var messages = rows.Select(r => r.Split(',')).Select(f => (Mime: File.ReadAllBytes(Path.Combine(directory, f[0])), Recipients: f[1].Split(';'), Expected: f[5] == "1", Wrapped: f[3] == "1")).ToArray();
        SecureMailGateEngine engine = EngineFor.Corpus();

        // Warm up until the JIT has settled (tiered compilation needs many calls and a little time before the optimised
        // code runs): the figures are then the steady state a transport server sees after its first minutes. One pass
        // was not enough: it left part of the engine in unoptimised code and read 4x slower.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(WarmUpSeconds))
        {
            foreach (var m in messages)
            {
                Flagged(engine, m.Mime, m.Recipients);
            }
        }

        var times = new List<double>(messages.Length);
        int tp = 0, fp = 0, fn = 0, tn = 0, wrappedFound = 0, wrappedExpected = 0;
        var total = Stopwatch.StartNew();
        foreach (var m in messages)
        {
            long start = Stopwatch.GetTimestamp();
            bool flagged = Flagged(engine, m.Mime, m.Recipients);
            times.Add((Stopwatch.GetTimestamp() - start) * 1_000_000.0 / Stopwatch.Frequency);
            (tp, fp, fn, tn) = (tp + (flagged && m.Expected ? 1 : 0), fp + (flagged && !m.Expected ? 1 : 0), fn + (!flagged && m.Expected ? 1 : 0), tn + (!flagged && !m.Expected ? 1 : 0));
            if (m.Expected && m.Wrapped)
            {
                wrappedExpected++;
                wrappedFound += flagged ? 1 : 0;
            }
        }

        total.Stop();
        times.Sort();
        double median = times[times.Count / 2];
        double perSecond = messages.Length / total.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine messages={messages.Length} median_us={median:F1} mean_us={times.Average():F1} msgs_per_s={perSecond:F0} tp={tp} fp={fp} fn={fn} tn={tn} wrapped_found={wrappedFound}/{wrappedExpected}"));
    }

    /// <summary>Evaluates <paramref name="count"/> messages, cycling the corpus, and prints memory at start, middle and end.</summary>
    /// <param name="count">Messages to evaluate.</param>
    /// <param name="output">Where to print.</param>
    public static void Soak(int count, TextWriter output)
    {
        ClinicCorpus corpus = ClinicCorpus.Generate();
        SecureMailGateEngine engine = EngineFor.Corpus();
        var clock = Stopwatch.StartNew();
        Report(output, "start", 0, clock);
        for (int i = 1; i <= count; i++)
        {
            ClinicMessage message = corpus.Messages[i % corpus.Messages.Count];
            Flagged(engine, message.Mime, message.Recipients);
            if (i == count / 2)
            {
                Report(output, "middle", i, clock);
            }
        }

        Report(output, "end", count, clock);
    }

    /// <summary>
    /// Evaluates one message or the corpus over and over for <paramref name="seconds"/>, so a profiler
    /// (<c>dotnet-trace collect -- …</c>) sees the steady state; prints the mean time per message.
    /// </summary>
    /// <param name="what"><c>corpus</c>, or the path of one <c>.eml</c> file.</param>
    /// <param name="seconds">How long to run.</param>
    /// <param name="output">Where to print.</param>
    public static void Loop(string what, double seconds, TextWriter output)
    {
        IReadOnlyList<(byte[] Mime, IReadOnlyList<string> Recipients)> messages = what == "corpus"
            ? ClinicCorpus.Generate().Messages.Select(m => (m.Mime, m.Recipients)).ToArray()
            : new[] { (File.ReadAllBytes(what), (IReadOnlyList<string>)new[] { "someone@gmail.com" }) };
        SecureMailGateEngine engine = EngineFor.Corpus();
        var clock = Stopwatch.StartNew();
        long done = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var (mime, recipients) = messages[(int)(done % messages.Count)];
            Flagged(engine, mime, recipients);
            done++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loop messages={done} mean_us={clock.Elapsed.TotalMilliseconds * 1000 / done:F1}"));
    }

    private static bool Flagged(SecureMailGateEngine engine, byte[] mime, IReadOnlyList<string> recipients)
    {
        using var stream = new MemoryStream(mime, writable: false);
        return engine.Evaluate(new MessageEnvelope("clinic@" + ClinicCorpus.InternalDomain, recipients, stream)).Decisions.Any(d => d.Action != RecipientAction.Allow);
    }

    private static void Report(TextWriter output, string stage, int done, Stopwatch clock)
    {
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak {stage,-6} messages={done,7} elapsed_s={clock.Elapsed.TotalSeconds,7:F1} working_set_mb={self.WorkingSet64 / 1048576.0,7:F1} gc_heap_mb={GC.GetTotalMemory(false) / 1048576.0,7:F1} gen2_collections={GC.CollectionCount(2)}"));
    }
}
