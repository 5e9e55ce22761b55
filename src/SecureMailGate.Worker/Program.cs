using System;
using SecureMailGate.Isolation;

namespace SecureMailGate.Worker;

/// <summary>Entry point of the inspection worker: serves the host over stdin/stdout until stdin closes.</summary>
internal static class Program
{
    private static int Main()
    {
        bool testFaults = Environment.GetEnvironmentVariable(WorkerServer.TestFaultsVariable) == "1";
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        return WorkerServer.Run(input, output, testFaults);
    }
}
