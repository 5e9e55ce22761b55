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

    // EmailMessage exposes Common's MimeDocument: without the second reference the real build stops with CS0012.
    [TestCase("Microsoft.Exchange.Data.Transport")]
    [TestCase("Microsoft.Exchange.Data.Common")]
    public void With_ExchangeLibPath_the_agent_references_the_real_dll_there_and_never_copies_it(string assembly)
    {
        var lib = Path.Combine(Path.GetTempPath(), "V15", "Public");

        var items = Evaluate($"-p:ExchangeLibPath={lib}");

        var reference = items.GetProperty("Reference").EnumerateArray().Single(r => r.GetProperty("Identity").GetString() == assembly);
        Assert.Multiple(() =>
        {
            Assert.That(reference.GetProperty("HintPath").GetString(), Is.EqualTo(Path.Combine(lib, assembly + ".dll")));
            Assert.That(reference.GetProperty("Private").GetString(), Is.EqualTo("false"));
            Assert.That(ProjectReferences(items), Has.None.Contains("ExchangeReference"));
        });
    }

    [Test]
    public void Without_ExchangeLibPath_the_agent_builds_against_both_facades_without_copying_them()
    {
        var items = Evaluate();

        var facades = items.GetProperty("ProjectReference").EnumerateArray().Where(r => r.GetProperty("Identity").GetString()!.Contains("ExchangeReference", System.StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(facades.Select(f => Path.GetFileNameWithoutExtension(f.GetProperty("Identity").GetString())), Is.EquivalentTo(new[] { "Microsoft.Exchange.Data.Transport", "Microsoft.Exchange.Data.Common" }));
            Assert.That(facades.Select(f => f.GetProperty("Private").GetString()), Is.All.EqualTo("false"));
        });
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
