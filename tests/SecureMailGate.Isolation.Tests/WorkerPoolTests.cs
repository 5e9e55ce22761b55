using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation.Tests;

[TestFixture]
public sealed class WorkerPoolTests
{
    [Test]
    public void A_worker_finds_the_NHS_number_in_an_attachment_and_the_gmail_recipient_is_not_allowed()
    {
        using var fixture = new PoolFixture();
        using MemoryStream mime = TestMessages.Mime("Patient " + TestMessages.NhsNumber, withAttachment: true);

        Verdict verdict = fixture.Evaluate(mime);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Pool.WorkersStarted, Is.EqualTo(1));
            Assert.That(verdict.MessageId, Is.EqualTo("<test@ourtrust.nhs.uk>"));
            Assert.That(verdict.Findings, Has.Some.Matches<Finding>(f => f.Kind == FindingKinds.NhsNumber && f.Location == "attachment:1.txt"));
            Assert.That(verdict.Sensitive, Is.True);
            Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
            Assert.That(fixture.Log, Is.Empty);
        });
    }

    [Test]
    public void A_message_already_on_its_way_to_a_pool_retired_by_a_reload_is_still_inspected()
    {
        using var fixture = new PoolFixture();
        fixture.Pool.Dispose();
        using MemoryStream mime = TestMessages.Mime("Patient " + TestMessages.NhsNumber, withAttachment: true);

        Verdict verdict = fixture.Evaluate(mime);

        // Not an error (which would defer the mail) and not a limit: a worker of its own reads it.
        Assert.That(verdict.Findings, Has.Some.Matches<Finding>(f => f.Kind == FindingKinds.NhsNumber && f.Location == "attachment:1.txt"));
        Assert.That(verdict.Findings, Has.None.Matches<Finding>(f => f.Kind == FindingKinds.InspectionLimit));
    }

    [Test]
    public void A_parsed_message_is_sent_to_a_worker_and_gives_the_same_findings_as_in_process()
    {
        using var fixture = new PoolFixture();
        using MimeKit.MimeMessage message = TestMessages.Build("Patient " + TestMessages.NhsNumber, withAttachment: true);
        var inProcess = new SecureMailGateEngine(fixture.Policy, TimeProvider.System);

        Verdict isolated = fixture.Engine.Evaluate(message, "clinician@ourtrust.nhs.uk", new[] { "relative@gmail.com" });
        Verdict local = inProcess.Evaluate(message, "clinician@ourtrust.nhs.uk", new[] { "relative@gmail.com" });

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Pool.WorkersStarted, Is.EqualTo(1));
            Assert.That(isolated.Findings, Is.EqualTo(local.Findings));
            Assert.That(isolated.Decisions, Is.EqualTo(local.Decisions).Using<RecipientDecision>((a, b) => a.Action == b.Action && a.Tier == b.Tier));
        });
    }

    [TestCase("exit")]
    [TestCase("stackoverflow")]
    public void A_worker_that_dies_is_replaced_and_its_message_gets_inspection_limit(string fault)
    {
        using var fixture = new PoolFixture();
        using MemoryStream bad = TestMessages.Mime("nothing here", withAttachment: true, fault: fault, id: "bad@ourtrust.nhs.uk");
        using MemoryStream good = TestMessages.Mime("Patient " + TestMessages.NhsNumber, withAttachment: true);

        Verdict crashed = fixture.Evaluate(bad);
        Verdict next = fixture.Evaluate(good);

        Assert.Multiple(() =>
        {
            AssertLimited(crashed, FindingReasons.WorkerFailed);
            Assert.That(next.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.NhsNumber).And.No.Contain(FindingKinds.InspectionLimit));
            Assert.That(fixture.Pool.WorkersStarted, Is.EqualTo(2), "a fresh worker inspected the next message");
            Assert.That(fixture.Log.Single(), Does.Contain("<bad@ourtrust.nhs.uk>").And.Contain("ended unexpectedly"));
            Assert.That(fixture.Log.Single(), Does.Not.Contain("notes.txt").And.Not.Contain("nothing here"));
        });
    }

    [Test]
    public void A_worker_that_hangs_past_the_budget_and_grace_is_killed()
    {
        using var fixture = new PoolFixture(timeBudgetSeconds: 1);
        using MemoryStream hung = TestMessages.Mime("text", withAttachment: true, fault: "hang");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Verdict verdict = fixture.Evaluate(hung);

        Assert.Multiple(() =>
        {
            AssertLimited(verdict, FindingReasons.TimeBudget);
            Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.9)).And.LessThan(TimeSpan.FromSeconds(15)));
            Assert.That(fixture.Log.Single(), Does.Contain("time budget"));
        });
    }

    [Test]
    public void A_worker_over_the_memory_cap_is_killed()
    {
        using var fixture = new PoolFixture(memoryCapBytes: 256L * 1024 * 1024);
        using MemoryStream balloon = TestMessages.Mime("text", withAttachment: true, fault: "balloon");

        Verdict verdict = fixture.Evaluate(balloon);

        Assert.Multiple(() =>
        {
            AssertLimited(verdict, FindingReasons.MemoryCap);
            Assert.That(fixture.Log.Single(), Does.Contain("memory cap"));
        });
    }

    [Test]
    public void Workers_are_recycled_after_the_configured_number_of_messages()
    {
        using var fixture = new PoolFixture(recycleAfter: 2);
        for (int i = 0; i < 5; i++)
        {
            using MemoryStream mime = TestMessages.Mime("text " + i, withAttachment: true);
            Assert.That(fixture.Evaluate(mime).Findings, Is.Empty);
        }

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Pool.WorkersStarted, Is.EqualTo(3));
            Assert.That(fixture.Log, Is.Empty);
        });
    }

    [Test]
    public void Test_faults_are_ignored_unless_the_pool_arms_them()
    {
        using var pool = new WorkerPool(new WorkerPoolOptions(1, 1024L * 1024 * 1024, 10, TimeSpan.FromSeconds(1)));
        var policy = new PolicyOptions { InternalDomains = new[] { "ourtrust.nhs.uk" } };
        var engine = new SecureMailGateEngine(policy, TimeProvider.System, new IsolatedInspection(policy, pool, TimeProvider.System));
        using MemoryStream mime = TestMessages.Mime("Patient " + TestMessages.NhsNumber, withAttachment: true, fault: "exit");

        Verdict verdict = engine.Evaluate(new MessageEnvelope("clinician@ourtrust.nhs.uk", new[] { "relative@gmail.com" }, mime));

        Assert.That(verdict.Findings.Select(f => f.Kind), Is.EqualTo(new[] { FindingKinds.NhsNumber }));
    }

    [Test]
    public void Messages_are_inspected_concurrently_by_several_workers()
    {
        using var fixture = new PoolFixture(workers: 2);
        Verdict[] verdicts = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(3).Select(i =>
        {
            using MemoryStream mime = TestMessages.Mime("Patient " + TestMessages.NhsNumber, withAttachment: true, id: i + "@ourtrust.nhs.uk");
            return fixture.Evaluate(mime);
        }).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Select(v => v.Findings.Single().Kind), Is.All.EqualTo(FindingKinds.NhsNumber));
            Assert.That(fixture.Pool.WorkersStarted, Is.InRange(1, 2));
        });
    }

    [Test]
    public void A_missing_worker_is_an_error_that_names_the_fix()
    {
        using var pool = new WorkerPool(new WorkerPoolOptions(1, 1024L * 1024 * 1024, 10, TimeSpan.FromSeconds(1)) { WorkerPath = "/nonexistent/SecureMailGate.Worker.dll" });
        var inspection = new IsolatedInspection(PolicyOptions.Default, pool, TimeProvider.System);
        using MemoryStream mime = TestMessages.Mime("x", withAttachment: true);

        Assert.That(() => inspection.Inspect(mime, null, default), Throws.InvalidOperationException.With.Message.Contains("inproc"));
    }

    private static void AssertLimited(Verdict verdict, string reason)
    {
        // The audit and the CLI say why the message could not be inspected.
        Assert.That(verdict.Findings, Is.EqualTo(new[] { new Finding(FindingKinds.InspectionLimit, "message", Confidence.High, reason) }));
        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }
}
