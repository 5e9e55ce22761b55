using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests.Deploy;

/// <summary>
/// -p:ExchangeLibPath must swap the facade for the server's real DLL without a source change. The full build against
/// a staged copy of the facade runs in deploy/build-package.sh; here MSBuild only evaluates the project (seconds).
/// </summary>
[TestFixture]
public sealed class ExchangeLibPathTests
{
    private static readonly string Project = Path.Combine(RepositoryPaths.Root, "src", "SecureMailGate.Exchange", "SecureMailGate.Exchange.csproj");

    [Test]
    public void With_ExchangeLibPath_the_agent_references_the_real_dll_there_and_never_copies_it()
    {
        var lib = Path.Combine(Path.GetTempPath(), "V15", "Public");

        var items = Evaluate($"-p:ExchangeLibPath={lib}");

        var reference = items.GetProperty("Reference").EnumerateArray().Single(r => r.GetProperty("Identity").GetString() == "Microsoft.Exchange.Data.Transport");
        Assert.Multiple(() =>
        {
            Assert.That(reference.GetProperty("HintPath").GetString(), Is.EqualTo(Path.Combine(lib, "Microsoft.Exchange.Data.Transport.dll")));
            Assert.That(reference.GetProperty("Private").GetString(), Is.EqualTo("false"));
            Assert.That(ProjectReferences(items), Has.None.Contains("ExchangeReference"));
        });
    }

    [Test]
    public void Without_ExchangeLibPath_the_agent_builds_against_the_facade_without_copying_it()
    {
        var items = Evaluate();

        var facade = items.GetProperty("ProjectReference").EnumerateArray().Single(r => r.GetProperty("Identity").GetString()!.Contains("ExchangeReference", System.StringComparison.Ordinal));
        Assert.That(facade.GetProperty("Private").GetString(), Is.EqualTo("false"));
    }

    private static string[] ProjectReferences(JsonElement items) =>
        items.GetProperty("ProjectReference").EnumerateArray().Select(r => r.GetProperty("Identity").GetString()!).ToArray();

    private static JsonElement Evaluate(string extra = "")
    {
        var start = new ProcessStartInfo("dotnet", $"msbuild \"{Project}\" -p:TargetFramework=net48 {extra} -getItem:Reference -getItem:ProjectReference")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, output + process.StandardError.ReadToEnd());
        return JsonDocument.Parse(output).RootElement.GetProperty("Items");
    }
}
