using System;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>One pathological CSV row cannot allocate without bound: more fields than the cap is an inspection limit.</summary>
public sealed class CsvRowCostTests
{
    [Test]
    public void RowOfManyEmptyFieldsIsALimit()
    {
        // 6 MB of commas: a million-field row (the was 50 MB), far past the 16,384-field cap.
        byte[] csv = new byte[6 * 1024 * 1024];
        csv.AsSpan().Fill((byte)',');
        byte[] header = Encoding.ASCII.GetBytes("NHS number,Name\n");

        Verdict verdict = Gate.Evaluate(Gate.Message("Please see attached.", ("export.csv", Concat(header, csv))), recipients: CostAssert.Relative);

        CostAssert.IsLimitNotAllowed(verdict);
    }

    [Test]
    public void RowOfOneLongFieldUnderTheCapsIsRead()
    {
        // A wide but legitimate row: 2,000 fields, one holding a valid NHS number under its header.
        var sb = new StringBuilder("NHS number");
        sb.Append(',', 1999).Append('\n').Append("943 476 5919").Append(',', 1999).Append('\n');

        Verdict verdict = Gate.Attach("export.csv", Encoding.ASCII.GetBytes(sb.ToString()), recipients: CostAssert.Relative);

        Assert.That(verdict.Findings, Has.None.Matches<Core.Inspection.Finding>(f => f.Kind == Core.Inspection.FindingKinds.InspectionLimit));
        Assert.That(verdict.Findings, Has.Some.Matches<Core.Inspection.Finding>(f => f.Kind == Core.Inspection.FindingKinds.NhsNumber));
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        byte[] all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}
