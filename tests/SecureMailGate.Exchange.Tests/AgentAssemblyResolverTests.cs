using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests;

[TestFixture]
public sealed class AgentAssemblyResolverTests
{
    private string folder = null!;

    [OneTimeSetUp]
    public void MakeAgentFolderWithADependency()
    {
        folder = Path.Combine(Path.GetTempPath(), "smg-resolver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // A real dependency, version 1.2.0.0, as it would sit next to the agent.
        var builder = new PersistedAssemblyBuilder(new AssemblyName("SmgResolverProbe") { Version = new Version(1, 2, 0, 0) }, typeof(object).Assembly);
        var module = builder.DefineDynamicModule("SmgResolverProbe");
        module.DefineType("SmgResolverProbe.Marker", TypeAttributes.Public).CreateType();
        builder.Save(Path.Combine(folder, "SmgResolverProbe.dll"));
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // The loaded probe may stay locked on some systems; the temp folder is harmless.
        }
    }

    [Test]
    public void A_dependency_in_the_agent_folder_loads_whatever_version_was_asked_for()
    {
        var loaded = AgentAssemblyResolver.Resolve(folder, "SmgResolverProbe, Version=9.9.9.9, Culture=neutral, PublicKeyToken=null");

        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.GetName().Version, Is.EqualTo(new Version(1, 2, 0, 0)));
        Assert.That(loaded.GetType("SmgResolverProbe.Marker"), Is.Not.Null);
    }

    [TestCase("NotInTheAgentFolder, Version=1.0.0.0")]
    [TestCase("..\\..\\Windows\\System32\\evil")]
    [TestCase("")]
    public void Anything_not_in_the_agent_folder_is_left_to_the_runtime(string requested)
    {
        Assert.That(AgentAssemblyResolver.Resolve(folder, requested), Is.Null);
    }
}
