using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>What every cost case must show: a verdict, an <c>inspection-limit</c> finding, and no <c>allow</c> for the outside recipient.</summary>
internal static class CostAssert
{
    /// <summary>The external recipient used throughout.</summary>
    public const string Relative = "relative@gmail.com";

    public static void IsLimitNotAllowed(Verdict verdict)
    {
        Assert.That(verdict, Is.Not.Null);
        Assert.That(verdict.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.InspectionLimit));
        RecipientDecision relative = verdict.Decisions.Single(d => d.Address == Relative);
        Assert.That(relative.Action, Is.Not.EqualTo(RecipientAction.Allow));
    }
}
