using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation.Tests;

/// <summary>The <c>inspection</c> section is validated like every other key.</summary>
[TestFixture]
public sealed class IsolationConfigurationTests
{
    [Test]
    public void Without_the_section_inspection_runs_in_two_worker_processes()
    {
        PolicyOptions options = Load("{ }");

        Assert.That(options.Isolation, Is.EqualTo(new IsolationOptions(IsolationMode.Process, 2, 1024, 1000, 5)));
    }

    [Test]
    public void Every_key_is_read()
    {
        PolicyOptions options = Load("{\n  \"inspection\": { \"isolation\": \"inproc\", \"workers\": 4, \"memoryCapMegabytes\": 256, \"recycleAfter\": 50, \"graceSeconds\": 2 },\n}");

        Assert.That(options.Isolation, Is.EqualTo(new IsolationOptions(IsolationMode.InProcess, 4, 256, 50, 2)));
    }

    [TestCase("\"isolation\": \"thread\"", "inspection.isolation must be one of \"process\", \"inproc\"")]
    [TestCase("\"workers\": 0", "inspection.workers must be between 1 and 64; it is 0")]
    [TestCase("\"workers\": \"2\"", "inspection.workers must be a whole number")]
    [TestCase("\"memoryCapMegabytes\": 64", "inspection.memoryCapMegabytes must be between 128 and 65536")]
    [TestCase("\"recycleAfter\": 0", "inspection.recycleAfter must be between 1 and 1000000")]
    [TestCase("\"graceSeconds\": 301", "inspection.graceSeconds must be between 1 and 300")]
    [TestCase("\"worker\": 2", "unknown key 'worker' at inspection")]
    public void Invalid_values_are_rejected_with_the_file_and_line(string entry, string problem)
    {
        string json = "{\n  \"mode\": \"enforce\",\n  \"inspection\": {\n    " + entry + "\n  }\n}";

        Assert.That(() => Load(json), Throws.TypeOf<PolicyConfigurationException>()
            .With.Message.StartsWith("config.json, line 4: ").And.Message.Contains(problem));
    }

    [Test]
    public void The_shipped_configuration_documents_the_section_with_its_defaults()
    {
        string path = System.IO.Path.Combine(RepositoryRoot(), "config", "securemailgate.json");

        Assert.That(PolicyConfigurationLoader.LoadFile(path).Isolation, Is.EqualTo(IsolationOptions.Default));
    }

    private static PolicyOptions Load(string json) => PolicyConfigurationLoader.Load(Encoding.UTF8.GetBytes(json), "config.json", ".");

    private static string RepositoryRoot()
    {
        string? dir = System.AppContext.BaseDirectory;
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir, "SecureMailGate.sln")))
        {
            dir = System.IO.Path.GetDirectoryName(dir);
        }

        return dir ?? throw new System.InvalidOperationException("SecureMailGate.sln not found above the test folder.");
    }
}
