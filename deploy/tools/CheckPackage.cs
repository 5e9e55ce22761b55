// Checks an unpacked SecureMailGate package before it is zipped:
//  * nothing from Exchange is in it (Microsoft.Exchange.* must come from the server, never from us);
//  * every assembly the agent needs is either in the agent folder, part of .NET Framework 4.8, or the Exchange API;
//  * the default configuration starts in monitor mode and loads no accredited list (only the sample ships);
//  * what the guide refers to is there: POLICY.md, THIRD-PARTY-NOTICES.md (naming every third-party assembly in
//    agent/), CLI.md when the repository has docs/CLI.md, the notice templates and the sample messages, each the
//    same as in the repository.
// Usage: dotnet run CheckPackage.cs -- <package folder> <.NET Framework 4.8 reference assemblies folder> <repository root>
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

var package = args[0];
var framework = args[1];
var repository = args[2];
var problems = new List<string>();

foreach (var file in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories))
{
    if (Path.GetFileName(file).StartsWith("Microsoft.Exchange.", StringComparison.OrdinalIgnoreCase))
    {
        problems.Add($"Exchange file in the package: {Path.GetRelativePath(package, file)}");
    }
}

var agent = Path.Combine(package, "agent");
var frameworkNames = Directory.EnumerateFiles(framework, "*.dll", SearchOption.AllDirectories)
    .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
frameworkNames.Add("mscorlib");
var shipped = Directory.EnumerateFiles(agent, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
var fromExchange = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Microsoft.Exchange.Data.Transport", "Microsoft.Exchange.Data.Common" };

foreach (var dll in Directory.EnumerateFiles(agent, "*.dll"))
{
    using var stream = File.OpenRead(dll);
    using var pe = new PEReader(stream);
    if (!pe.HasMetadata)
    {
        continue; // native helper
    }

    var reader = pe.GetMetadataReader();
    foreach (var handle in reader.AssemblyReferences)
    {
        var name = reader.GetString(reader.GetAssemblyReference(handle).Name);
        if (!shipped.Contains(name) && !frameworkNames.Contains(name) && !fromExchange.Contains(name))
        {
            problems.Add($"{Path.GetFileName(dll)} needs {name}, which is neither in the package nor in .NET Framework 4.8");
        }
    }
}

foreach (var required in new[] { "agent/SecureMailGate.Exchange.dll", "agent/SecureMailGate.Core.dll", "agent/securemailgate.json", "agent/accredited-domains.sample.txt", "agent/NLog.config", "Install-SecureMailGate.ps1", "Uninstall-SecureMailGate.ps1", "SecureMailGate.Common.ps1", "README.md" })
{
    if (!File.Exists(Path.Combine(package, required)))
    {
        problems.Add("missing from the package: " + required);
    }
}

// What the guide refers to, exactly as in the repository.
var copies = new List<(string Source, string Entry)>
{
    (Path.Combine(repository, "docs", "POLICY.md"), "POLICY.md"),
    (Path.Combine(repository, "THIRD-PARTY-NOTICES.md"), "THIRD-PARTY-NOTICES.md"),
};
if (File.Exists(Path.Combine(repository, "docs", "CLI.md")))
{
    copies.Add((Path.Combine(repository, "docs", "CLI.md"), "CLI.md"));
}

var notices = Path.Combine(repository, "config", "notices");
copies.AddRange(Directory.EnumerateFiles(notices, "*", SearchOption.AllDirectories).Select(f => (f, Path.Combine("notices", Path.GetRelativePath(notices, f)))));
copies.AddRange(Directory.EnumerateFiles(Path.Combine(repository, "config", "samples"), "*.eml").Select(f => (f, Path.Combine("samples", Path.GetFileName(f)))));
if (!copies.Any(c => c.Entry.StartsWith("notices", StringComparison.Ordinal)) || !copies.Any(c => c.Entry.StartsWith("samples", StringComparison.Ordinal)))
{
    problems.Add("the repository has no notice templates (config/notices) or no sample messages (config/samples) to ship");
}

foreach (var (source, entry) in copies)
{
    var shippedFile = Path.Combine(package, entry);
    if (!File.Exists(shippedFile))
    {
        problems.Add("missing from the package: " + entry.Replace('\\', '/'));
    }
    else if (!File.ReadAllBytes(shippedFile).SequenceEqual(File.ReadAllBytes(source)))
    {
        problems.Add($"{entry} in the package differs from the repository's {Path.GetRelativePath(repository, source)}");
    }
}

// Every third-party assembly the agent ships is named, with its licence, in THIRD-PARTY-NOTICES.md.
var thirdParty = File.Exists(Path.Combine(package, "THIRD-PARTY-NOTICES.md")) ? File.ReadAllText(Path.Combine(package, "THIRD-PARTY-NOTICES.md")) : string.Empty;
foreach (var file in Directory.EnumerateFiles(agent, "*.dll").Select(Path.GetFileName).Where(f => !f!.StartsWith("SecureMailGate.", StringComparison.OrdinalIgnoreCase)))
{
    if (!thirdParty.Contains("`" + file + "`", StringComparison.OrdinalIgnoreCase))
    {
        problems.Add($"agent/{file} is not listed in THIRD-PARTY-NOTICES.md; add its component, version and licence");
    }
}

// The package starts in monitor mode and loads no accredited list: the sample list is there to show the format.
var configuration = File.Exists(Path.Combine(agent, "securemailgate.json")) ? File.ReadAllText(Path.Combine(agent, "securemailgate.json")) : string.Empty;
if (!configuration.Contains("\"mode\": \"monitor\"", StringComparison.Ordinal))
{
    problems.Add("agent/securemailgate.json does not start in \"mode\": \"monitor\"");
}

if (!configuration.Contains("\"accreditedDomainsFile\": null", StringComparison.Ordinal))
{
    problems.Add("agent/securemailgate.json loads an accredited list; the shipped configuration must load none (\"accreditedDomainsFile\": null)");
}

if (File.Exists(Path.Combine(agent, "accredited-domains.txt")))
{
    problems.Add("agent/accredited-domains.txt is in the package; ship only accredited-domains.sample.txt, so an upgrade never looks like the administrator's own list");
}

foreach (var problem in problems)
{
    Console.Error.WriteLine("package check: " + problem);
}

Console.WriteLine(problems.Count == 0 ? $"package check: {shipped.Count} agent assemblies, dependency closure complete, nothing from Exchange" : $"package check: {problems.Count} problem(s)");
return problems.Count == 0 ? 0 : 1;
