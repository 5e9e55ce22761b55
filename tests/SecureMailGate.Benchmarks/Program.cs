using BenchmarkDotNet.Running;

namespace SecureMailGate.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*Tier*'</c>, <c>-- isolation-stopwatch</c> for a quick pool cost, or <c>-- precision &lt;corpus.tar.gz&gt;</c> for false alarms on benign mail.</summary>
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
