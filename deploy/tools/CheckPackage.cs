// Checks an unpacked SecureMailGate package before it is zipped:
//  * nothing from Exchange is in it (Microsoft.Exchange.* must come from the server, never from us);
//  * every assembly the agent needs is either in the agent folder, part of .NET Framework 4.8, or the Exchange API;
//  * the default configuration starts in monitor mode and loads no accredited list (only the sample ships).
// Usage: dotnet run CheckPackage.cs -- <package folder> <.NET Framework 4.8 reference assemblies folder>
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

var package = args[0];
var framework = args[1];
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
