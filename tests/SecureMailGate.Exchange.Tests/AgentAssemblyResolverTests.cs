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

    private string OwnAssembly => Path.Combine(folder, "SecureMailGate.Core.dll");

    [Test]
    public void A_dependency_the_agent_asks_for_loads_from_its_folder_in_the_version_it_shipped()
    {
        var loaded = AgentAssemblyResolver.Resolve(folder, "SmgResolverProbe, Version=9.9.9.9, Culture=neutral, PublicKeyToken=null", OwnAssembly);

        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.GetName().Version, Is.EqualTo(new Version(1, 2, 0, 0)));
        Assert.That(loaded.GetType("SmgResolverProbe.Marker"), Is.Not.Null);
    }

    [TestCase("NotInTheAgentFolder, Version=1.0.0.0")]
    [TestCase("..\\..\\Windows\\System32\\evil")]
    [TestCase("")]
    public void Anything_not_in_the_agent_folder_is_left_to_the_runtime(string requested)
    {
        Assert.That(AgentAssemblyResolver.Resolve(folder, requested, OwnAssembly), Is.Null);
    }

    [Test]
    public void A_request_from_Exchange_or_another_agent_is_left_to_the_runtime()
    {
        var otherAgent = Path.Combine(Path.GetTempPath(), "OtherVendor", "Agent", "Other.Agent.dll");

        Assert.Multiple(() =>
        {
            Assert.That(AgentAssemblyResolver.Resolve(folder, "SmgResolverProbe, Version=1.2.0.0", otherAgent), Is.Null);
            Assert.That(AgentAssemblyResolver.Resolve(folder, "SmgResolverProbe, Version=1.2.0.0", null), Is.Null, "the runtime did not say who asked");
        });
    }

    [Test]
    public void A_request_for_a_signed_assembly_is_not_answered_with_a_file_of_another_publisher()
    {
        Assert.That(AgentAssemblyResolver.Resolve(folder, "SmgResolverProbe, Version=1.2.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089", OwnAssembly), Is.Null);
    }
}
