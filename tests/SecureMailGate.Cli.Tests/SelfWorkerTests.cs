using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Isolation;

namespace SecureMailGate.Cli.Tests;

/// <summary>A single-file <c>securemailgate</c> has no worker beside it and serves as its own (<c>--inspection-worker</c>).</summary>
[TestFixture]
public sealed class SelfWorkerTests
{
    [Test]
    public void The_cli_answers_as_an_inspection_worker()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "securemailgate.dll");
        using var pool = new WorkerPool(new WorkerPoolOptions(1, 1024L * 1024 * 1024, 10, TimeSpan.FromSeconds(5)) { WorkerPath = cli, WorkerArguments = "--inspection-worker" });
        var policy = new PolicyOptions { InternalDomains = new[] { "ourtrust.nhs.uk" } };
        var engine = new SecureMailGateEngine(policy, TimeProvider.System, new IsolatedInspection(policy, pool, TimeProvider.System));
        const string mime = "From: a@ourtrust.nhs.uk\r\nTo: b@gmail.com\r\nMessage-ID: <self@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
            "--b\r\nContent-Type: text/plain; name=a.txt\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nNHS 943 476 5919\r\n--b--\r\n";
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(mime));

        Verdict verdict = engine.Evaluate(new MessageEnvelope("a@ourtrust.nhs.uk", new[] { "b@gmail.com" }, stream));

        Assert.Multiple(() =>
        {
            Assert.That(pool.WorkersStarted, Is.EqualTo(1));
            Assert.That(verdict.Findings.Select(f => f.Kind), Is.EqualTo(new[] { FindingKinds.NhsNumber }));
            Assert.That(verdict.MessageId, Is.EqualTo("<self@ourtrust.nhs.uk>"));
        });
    }
}
