using System;

namespace SecureMailGate.Cli;

/// <summary>Entry point of <c>securemailgate</c>.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApplication.Run(args, Console.Out, Console.Error, TimeProvider.System);
}
