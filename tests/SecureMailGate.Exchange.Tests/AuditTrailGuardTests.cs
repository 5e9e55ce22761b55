using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// An audit trail that cannot be written is a configuration error seen when transport starts the agent (in the
/// agent log and so the Event Log), and every message follows the failure mode until it is fixed.
/// </summary>
[TestFixture]
public sealed class AuditTrailGuardTests
{
    private const string Gmail = "patient.relative@gmail.com";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Test]
    public void A_problem_found_at_load_is_logged_as_an_error_once_with_what_to_fix()
    {
        var log = new TestLog();
        var problems = new List<string> { "no rule sends SecureMailGate.Audit to a target." };

        var guard = new AuditTrailGuard(() => problems, log.Agent, new ManualClock(), Interval);
        _ = guard.Problem;
        _ = guard.Problem;

        Assert.That(log.Lines.Where(l => l.StartsWith("Error|", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1)
            .And.Some.Contains("no rule sends SecureMailGate.Audit").And.Some.Contains("failureMode"));
    }

    [Test]
    public void While_the_trail_cannot_be_written_messages_are_deferred_and_unchanged()
    {
        var harness = new AgentHarness();
        var guard = new AuditTrailGuard(() => new[] { "the folder logs is not writable." }, harness.Log.Agent, new ManualClock(), Interval);
        harness.AuditTrailProblem = () => guard.Problem;
        harness.Build();
        var item = Messages.Item(Gmail);
        var original = item.Text;

        var source = harness.Resolve(item);

        Assert.Multiple(() =>
        {
            Assert.That(source.Deferrals, Has.Count.EqualTo(1));
            harness.Engine.Verify(e => e.Evaluate(It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
            Assert.That(harness.Log.Lines, Has.Some.Contains("deferred").And.Contains("audit trail cannot be written"));
        });
        item.Requeue();
        Assert.That(item.Text, Is.EqualTo(original));
    }

    [Test]
    public void Once_fixed_mail_flows_again_after_the_recheck_interval_without_a_restart()
    {
        var log = new TestLog();
        var clock = new ManualClock();
        var broken = true;
        var checks = 0;
        var guard = new AuditTrailGuard(() => { checks++; return broken ? new[] { "not writable." } : Array.Empty<string>(); }, log.Agent, clock, Interval);

        broken = false;
        clock.Advance(TimeSpan.FromSeconds(10));
        var within = guard.Problem;
        clock.Advance(Interval);
        var after = guard.Problem;
        _ = guard.Problem;

        Assert.Multiple(() =>
        {
            Assert.That(within, Is.Not.Null, "not checked again within the interval");
            Assert.That(after, Is.Null);
            Assert.That(checks, Is.EqualTo(2), "never checked again once writable");
            Assert.That(log.Lines, Has.Some.StartsWith("Info|").And.Contains("can be written again"));
        });
    }

    [Test]
    public void A_check_that_throws_counts_as_a_problem_never_as_writable()
    {
        var log = new TestLog();

        var guard = new AuditTrailGuard(() => throw new InvalidOperationException("NLog.config unreadable"), log.Agent, new ManualClock(), Interval);

        Assert.That(guard.Problem, Does.Contain("NLog.config unreadable"));
    }
}
