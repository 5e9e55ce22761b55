using System;
using System.IO;

namespace SecureMailGate.Cli.Tests;

/// <summary>Runs the CLI in-process exactly as Main does, capturing stdout, stderr and the exit code.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput(Array.Empty<byte>(), args);

    /// <summary>Runs the CLI with <paramref name="standardInput"/> as its standard input.</summary>
    public static (int Code, string Out, string Err) RunWithInput(byte[] standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApplication.Run(args, output, error, TimeProvider.System, () => new MemoryStream(standardInput, writable: false));
        return (code, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "SecureMailGate.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("SecureMailGate.sln not found above the test folder.");
        }
    }

    public static string InRepo(params string[] parts) => Path.Combine(RepositoryRoot, Path.Combine(parts));

    /// <summary>
    /// The policy golden results are computed with: the shipped defaults in <c>enforce</c> mode with the sample
    /// accredited list (the shipped config/securemailgate.json is in <c>monitor</c> mode and loads no list).
    /// </summary>
    public static string EnforcingPolicy => InRepo("tests", "corpus", "securemailgate.json");
}
