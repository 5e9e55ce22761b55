using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>Table cells reach detectors without passing the scanner; they are normalised too, headers included.</summary>
[TestFixture]
public sealed class TableCellTests
{
    [Test]
    public void A_cell_under_a_keyword_header_is_normalised()
    {
        string cell = string.Concat(ValidNumbers.Grouped(ValidNumbers.Make(51), "\u2011").Select(c => c is >= '0' and <= '9' ? (char)('\uFF10' + (c - '0')) : c));
        var findings = new List<Finding>();

        NhsNumberDetector.Instance.DetectInCell(cell, headerHasKeyword: true, "attachment:1.csv", findings);

        Assert.That(findings, Is.EqualTo(new[] { new Finding(FindingKinds.NhsNumber, "attachment:1.csv", Confidence.High) }));
    }

    [Test]
    public void A_header_with_a_no_break_space_in_its_keyword_is_a_keyword_header() =>
        Assert.That(NhsNumberDetector.Instance.IsContextHeader("NHS\u00A0number"), Is.True);

    [Test]
    public void Row_five_hundred_of_a_csv_with_odd_separators_is_high()
    {
        var csv = new StringBuilder("NHS\u00A0Number,Clinic code\r\n");
        for (int row = 0; row < 500; row++)
        {
            csv.Append("pending,").Append(row).Append("\r\n");
        }

        csv.Append(ValidNumbers.Grouped(ValidNumbers.Make(52), "\u200B\u2013")).Append(",7\r\n");
        string mime = "From: clinician@ourtrust.nhs.uk\nTo: someone@gmail.com\nSubject: list\nMIME-Version: 1.0\n" +
            "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\n" +
            "Content-Type: text/csv; charset=utf-8; name=list.csv\nContent-Disposition: attachment; filename=list.csv\nContent-Transfer-Encoding: base64\n\n" +
            Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString()), Base64FormattingOptions.InsertLineBreaks) + "\n--b--\n";

        Verdict verdict = Evaluate.Mime(mime, new[] { "someone@gmail.com" });

        Assert.That(verdict.Findings.Where(f => f.Kind == FindingKinds.NhsNumber).Select(f => f.Confidence), Has.Member(Confidence.High));
        Assert.That(verdict.For("someone@gmail.com").Action, Is.Not.EqualTo(RecipientAction.Allow));
    }
}
