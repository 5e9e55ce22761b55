using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Notices;

namespace SecureMailGate.Exchange.Tests.Deploy;

/// <summary>
/// The package an administrator installs: built by deploy/build-package.sh exactly as a release is (agent built
/// through -p:ExchangeLibPath against a staged facade, CLI self-contained for win-x64), then opened and checked.
/// The slowest test of the suite (about half a minute), because it is the real build.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageTests
{
    private string output = string.Empty;
    private ZipArchive? package;

    [OneTimeSetUp]
    public void BuildPackage()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("deploy/build-package.sh is a bash script; the package is built on Linux.");
        }

        output = Path.Combine(Path.GetTempPath(), "smg-package-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("bash", Path.Combine(RepositoryPaths.Deploy, "build-package.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OUT"] = output;
        using var build = Process.Start(start)!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        Assert.That(build.WaitForExit(TimeSpan.FromMinutes(8)), Is.True, "the package build finished");
        Assert.That(build.ExitCode, Is.EqualTo(0), stdout.Result + stderr.Result);
        string zip = Directory.EnumerateFiles(output, "SecureMailGate-*.zip").Single();
        package = ZipFile.OpenRead(zip);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        package?.Dispose();
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private string[] Entries => package!.Entries.Select(e => e.FullName.Substring(e.FullName.IndexOf('/', StringComparison.Ordinal) + 1)).ToArray();

    [TestCase("agent/SecureMailGate.Exchange.dll")]
    [TestCase("agent/SecureMailGate.Core.dll")]
    [TestCase("agent/MimeKit.dll")]
    [TestCase("agent/NLog.dll")]
    [TestCase("agent/DocumentFormat.OpenXml.dll")]
    [TestCase("agent/UglyToad.PdfPig.dll")]
    [TestCase("agent/securemailgate.json")]
    [TestCase("agent/accredited-domains.sample.txt")]
    [TestCase("agent/NLog.config")]
    [TestCase("cli/securemailgate.exe")]
    [TestCase("Install-SecureMailGate.ps1")]
    [TestCase("Uninstall-SecureMailGate.ps1")]
    [TestCase("SecureMailGate.Common.ps1")]
    [TestCase("README.md")]
    [TestCase("POLICY.md")]
    [TestCase("THIRD-PARTY-NOTICES.md")]
    [TestCase("notices/en/block.txt")]
    [TestCase("notices/en/warn-notice.txt")]
    [TestCase("samples/mixed-recipients.eml")]
    public void Holds_what_an_administrator_needs(string entry) =>
        Assert.That(Entries, Does.Contain(entry));

    [Test]
    public void Holds_every_notice_template_and_sample_message_of_the_repository_and_the_CLI_guide_once_it_exists()
    {
        var root = RepositoryPaths.Root;
        var expected = Directory.EnumerateFiles(Path.Combine(root, "config", "notices"), "*", SearchOption.AllDirectories)
            .Select(f => "notices/" + Path.GetRelativePath(Path.Combine(root, "config", "notices"), f).Replace('\\', '/'))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "config", "samples"), "*.eml").Select(f => "samples/" + Path.GetFileName(f)))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.GreaterThan(NoticeTemplateNames.All.Count));
            Assert.That(Entries, Is.SupersetOf(expected));
            Assert.That(Entries.Contains("CLI.md"), Is.EqualTo(File.Exists(Path.Combine(root, "docs", "CLI.md"))));
        });
    }

    [Test]
    public void Holds_nothing_from_Exchange() =>
        Assert.That(Entries.Where(e => Path.GetFileName(e).StartsWith("Microsoft.Exchange.", StringComparison.OrdinalIgnoreCase)), Is.Empty);

    [Test]
    public void Ships_the_accredited_list_only_as_a_sample() =>
        Assert.That(Entries, Has.None.EndsWith("agent/accredited-domains.txt"));

    [Test]
    public void The_default_configuration_is_the_one_in_the_repository()
    {
        using var reader = new StreamReader(package!.Entries.Single(e => e.FullName.EndsWith("agent/securemailgate.json", StringComparison.Ordinal)).Open());
        Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "securemailgate.json"))));
    }
}
