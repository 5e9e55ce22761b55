using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange.Tests;

/// <summary>The agent inspects attachments in worker processes unless the configuration says <c>inproc</c>.</summary>
[TestFixture]
public sealed class AgentIsolationTests
{
    private const string WithAttachment =
        "From: clinician@ourtrust.nhs.uk\r\nTo: relative@gmail.com\r\nSubject: Notes\r\nMessage-ID: <iso@ourtrust.nhs.uk>\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
        "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
        "--b\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment; filename=notes.txt\r\n\r\nPatient 943 476 5919\r\n--b--\r\n";

    private string folder = null!;

    [SetUp]
    public void SetUp()
    {
        folder = Path.Combine(Path.GetTempPath(), "smg-iso-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void By_default_an_attachment_is_inspected_by_a_worker_process()
    {
        Verdict verdict = Evaluate("{ \"mode\": \"enforce\", \"internalDomains\": [\"ourtrust.nhs.uk\"] }", out int workersStarted);

        Assert.Multiple(() =>
        {
            Assert.That(workersStarted, Is.EqualTo(1));
            Assert.That(verdict.Findings.Select(f => f.Kind), Is.EqualTo(new[] { FindingKinds.NhsNumber }));
            Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    [Test]
    public void With_inproc_no_worker_is_started()
    {
        Verdict verdict = Evaluate("{ \"mode\": \"enforce\", \"inspection\": { \"isolation\": \"inproc\" } }", out int workersStarted);

        Assert.Multiple(() =>
        {
            Assert.That(workersStarted, Is.Zero);
            Assert.That(verdict.Findings.Select(f => f.Kind), Is.EqualTo(new[] { FindingKinds.NhsNumber }));
        });
    }

    private Verdict Evaluate(string config, out int workersStarted)
    {
        File.WriteAllText(Path.Combine(folder, AgentHost.ConfigFileName), config);
        using var host = AgentHost.FromFolder(folder);
        using var mime = new MemoryStream(Encoding.ASCII.GetBytes(WithAttachment));
        Verdict verdict = host.Monitor.Current!.Engine.Evaluate(new MessageEnvelope("clinician@ourtrust.nhs.uk", new[] { "relative@gmail.com" }, mime), CancellationToken.None);
        workersStarted = host.Isolation?.Pool?.WorkersStarted ?? 0;
        return verdict;
    }
}
