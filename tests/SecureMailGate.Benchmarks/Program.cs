using BenchmarkDotNet.Running;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release -- --filter '*Tier*'</c>; or <c>-- isolation-stopwatch</c> for a quick pool cost,
/// <c>-- precision &lt;corpus.tar.gz&gt;</c> for false alarms on benign mail, <c>-- attachment-sizes [KIND...]</c> for the generated 20 MB attachments' sizes and one cold evaluation each, <c>-- corpus DIR</c> to write the clinic
/// corpus, <c>-- engine-corpus DIR</c> for the engine's side of the peer run, <c>-- soak [N]</c> for the memory soak,
/// <c>-- loop corpus|FILE.eml [SECONDS]</c> to hold the engine busy under a profiler.
/// </summary>
public static class Program
{
    /// <summary>Lets BenchmarkDotNet pick benchmarks from the command line.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "isolation-stopwatch")
        {
            IsolationStopwatch.Run(System.Console.Out, 200);
            return;
        }

        if (args.Length >= 1 && args[0] == "precision")
        {
            System.Environment.ExitCode = Precision.PrecisionRun.Run(args[1..], System.Console.Out);
            return;
        }

        if (args.Length >= 1 && args[0] == "attachment-sizes")
        {
            AttachmentInspectionBenchmarks.PrintSizes(System.Console.Out, args[1..]);
            return;
        }

        if (args.Length == 2 && args[0] == "corpus")
        {
            ClinicCorpus.Generate().WriteTo(args[1]);
            return;
        }

        if (args.Length == 2 && args[0] == "engine-corpus")
        {
            CorpusRuns.EngineOverCorpus(args[1], System.Console.Out);
            return;
        }

        if (args.Length >= 1 && args[0] == "soak")
        {
            CorpusRuns.Soak(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, System.Console.Out);
            return;
        }

        if (args.Length >= 2 && args[0] == "loop")
        {
            CorpusRuns.Loop(args[1], args.Length == 3 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20, System.Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
