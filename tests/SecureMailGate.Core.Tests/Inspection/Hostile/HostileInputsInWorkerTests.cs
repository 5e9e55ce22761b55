using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using SecureMailGate.Core.Tests.Inspection.Costs;
using SecureMailGate.Isolation;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>
/// Every hostile input, as the gateway meets it: through an inspection worker process with a memory cap. Each must
/// get its verdict from the inspection itself, inside the time budget and under the cap (a worker that had to be
/// stopped for memory or died would say <c>memory-cap</c> or <c>worker-failed</c>), and is never allowed out.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HostileInputsInWorkerTests
{
    /// <summary>The cap every hostile input must stay under: a quarter of what the shipped default allows.</summary>
    private const long MemoryCapBytes = 256L * 1024 * 1024;

    private static readonly PolicyOptions Policy = Gate.Policy with
    {
        Limits = InspectionLimits.Default with { TimeBudget = TimeSpan.FromSeconds(20) },
    };

    private WorkerPool? _pool;
    private SecureMailGateEngine? _engine;

    public static IEnumerable<TestCaseData> Inputs()
    {
        foreach (HostileCase hostile in HostileCorpus.Cases())
        {
            yield return new TestCaseData(hostile.Name, (Func<byte[]>)(() => Mime(hostile.Build()))).SetName(hostile.Name);
        }

        yield return Case("pdf drawing 12 million glyphs", () => Mime(Attach("report.pdf", CostPdf.TwoPages("Patient NHS number 943 476 5919", 12_000_000))));
        yield return Case("csv row of 20 MB of empty fields", () =>
        {
            byte[] csv = new byte[20 * 1024 * 1024];
            csv.AsSpan().Fill((byte)',');
            return Mime(Attach("export.csv", Encoding.ASCII.GetBytes("NHS number,Name\n").Concat(csv).ToArray()));
        });
        yield return Case("20 MB header line", () =>
        {
            byte[] head = Encoding.ASCII.GetBytes("From: clerk@ourtrust.nhs.uk\r\nTo: " + Gate.Gmail + "\r\nSubject: Referral\r\nX-Padding: ");
            byte[] tail = Encoding.ASCII.GetBytes("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nNHS number 943 476 5919\r\n");
            return head.Concat(Enumerable.Repeat((byte)'a', 20 * 1024 * 1024)).Concat(tail).ToArray();
        });
        yield return Case("zip of 200 MB of zeros", () => Mime(Attach("bomb.zip", AttachmentFixtures.ZeroBomb("zeros.txt", 200L * 1024 * 1024))));
        yield return Case("zip whose sizes lie about 200 MB of zeros", () => Mime(Attach("bomb.zip", AttachmentFixtures.LieAboutSizes(AttachmentFixtures.ZeroBomb("zeros.txt", 200L * 1024 * 1024)))));
    }

    [OneTimeSetUp]
    public void StartPool()
    {
        _pool = new WorkerPool(new WorkerPoolOptions(1, MemoryCapBytes, RecycleAfter: 1000, Grace: TimeSpan.FromSeconds(2)), _ => { });
        _engine = new SecureMailGateEngine(Policy, TimeProvider.System, new IsolatedInspection(Policy, _pool, TimeProvider.System));
    }

    [OneTimeTearDown]
    public void StopPool() => _pool?.Dispose();

    [TestCaseSource(nameof(Inputs))]
    public void The_worker_answers_under_the_memory_cap_and_the_recipient_is_protected(string name, Func<byte[]> build)
    {
        using var mime = new MemoryStream(build(), writable: false);

        Verdict verdict = _engine!.Evaluate(new MessageEnvelope("clerk@ourtrust.nhs.uk", new[] { Gate.Gmail }, mime));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(f => f.Reason), Has.None.EqualTo(FindingReasons.MemoryCap).And.None.EqualTo(FindingReasons.WorkerFailed), name + ": the inspection itself must decide, under the cap");
            Assert.That(verdict.Sensitive, Is.True, name);
            Assert.That(verdict.Decisions.Single().Action, Is.AnyOf(RecipientAction.Encrypt, RecipientAction.Block), name);
        });
    }

    [Test]
    public void The_cap_is_real_a_worker_given_too_little_memory_is_stopped_and_the_message_protected()
    {
        // The same pool type with a cap far below what a 40 MB attachment needs: the runtime's heap limit stops the
        // worker, either inside the inspection (memory-cap) or while it is still reading the message (the process
        // ends: worker-failed). Either way the message was not inspected to the end and is never allowed.
        using var small = new WorkerPool(new WorkerPoolOptions(1, 48L * 1024 * 1024, RecycleAfter: 1000, Grace: TimeSpan.FromSeconds(2)), _ => { });
        var engine = new SecureMailGateEngine(Policy, TimeProvider.System, new IsolatedInspection(Policy, small, TimeProvider.System));
        byte[] text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Patient list, NHS number 943 476 5919. ", 1_000_000)));
        using var mime = new MemoryStream(Mime(Attach("list.txt", text)), writable: false);

        Verdict verdict = engine.Evaluate(new MessageEnvelope("clerk@ourtrust.nhs.uk", new[] { Gate.Gmail }, mime));

        Assert.That(verdict.Findings.Where(f => f.Kind == FindingKinds.InspectionLimit).Select(f => f.Reason), Has.Some.AnyOf(FindingReasons.MemoryCap, FindingReasons.WorkerFailed));
        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    private static TestCaseData Case(string name, Func<byte[]> build) => new TestCaseData(name, build).SetName(name);

    private static MimeMessage Attach(string name, byte[] content) => Gate.Message("Please see attached.", (name, content));

    private static byte[] Mime(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }
}
