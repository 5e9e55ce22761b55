using System;
using SecureMailGate.Isolation;

namespace SecureMailGate.Cli;

/// <summary>Entry point of <c>securemailgate</c>.</summary>
internal static class Program
{
    /// <summary>
    /// The hidden argument that makes a single-file <c>securemailgate</c> serve as its own inspection worker (when no
    /// SecureMailGate.Worker.dll lies beside it); the pool passes it, people never need to.
    /// </summary>
    public const string WorkerArgument = "--inspection-worker";

    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == WorkerArgument)
        {
            bool testFaults = Environment.GetEnvironmentVariable(WorkerServer.TestFaultsVariable) == "1";
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return WorkerServer.Run(input, output, testFaults);
        }

        return CliApplication.Run(args, Console.Out, Console.Error, TimeProvider.System);
    }
}
