using BenchmarkDotNet.Running;

namespace SecureMailGate.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*Tier*'</c>.</summary>
public static class Program
{
    /// <summary>Lets BenchmarkDotNet pick benchmarks from the command line.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
