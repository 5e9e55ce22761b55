using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>The planted identifier every format test hides, and what must follow when it is sent to gmail.</summary>
internal static class Planted
{
    /// <summary>A valid NHS number (modulus 11).</summary>
    public const string Number = "943 476 5919";

    /// <summary>The same number with no separators.</summary>
    public const string Digits = "9434765919";

    /// <summary>The finding location of an attachment by its path of positions, e.g. <c>1.msg/1.txt</c>.</summary>
    public static string At(string positions) => "attachment:" + positions;

    /// <summary>Asserts the NHS number was found at <paramref name="location"/> and the external recipient is not simply allowed.</summary>
    public static void AssertFound(Verdict verdict, string location)
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                verdict.Findings.Where(f => f.Kind == FindingKinds.NhsNumber).Select(f => f.Location),
                Does.Contain(location),
                "findings: " + string.Join(", ", verdict.Findings.Select(f => f.Kind + "@" + f.Location)));
            Assert.That(verdict.Sensitive, Is.True);
            Assert.That(verdict.Decisions.Single(d => d.Address == Gate.Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
            Assert.That(verdict.Findings.Select(f => f.Kind), Does.Not.Contain(FindingKinds.UnreadableAttachment).And.Not.Contain(FindingKinds.InspectionLimit));
        });
    }

    /// <summary>Asserts a file without the number was read cleanly: nothing found, nothing reported unreadable, gmail allowed.</summary>
    public static void AssertReadCleanly(Verdict verdict)
    {
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(f => f.Kind + "@" + f.Location), Is.Empty);
            Assert.That(verdict.Decisions.Single(d => d.Address == Gate.Gmail).Action, Is.EqualTo(RecipientAction.Allow));
        });
    }
}
