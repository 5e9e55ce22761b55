using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

[TestFixture]
public sealed class TextAttachmentTests
{
    private static string PatientList(char delimiter)
    {
        var sb = new StringBuilder($"Surname{delimiter}NHS Number{delimiter}Ward\r\n");
        for (int i = 1; i < 500; i++)
        {
            sb.Append("Person").Append(i).Append(delimiter).Append(1000 + i).Append(delimiter).Append("Ward ").Append(i % 7).Append("\r\n");
        }

        sb.Append("\"Smith, John\"").Append(delimiter).Append("9434765919").Append(delimiter).Append("Ward 3\r\n");
        return sb.ToString();
    }

    private static IEnumerable<TestCaseData> Encodings()
    {
        yield return new TestCaseData(new UTF8Encoding(false), false).SetName("Csv UTF-8");
        yield return new TestCaseData(new UTF8Encoding(true), true).SetName("Csv UTF-8 BOM");
        yield return new TestCaseData(new UnicodeEncoding(false, true), true).SetName("Csv UTF-16LE BOM");
        yield return new TestCaseData(new UnicodeEncoding(true, true), true).SetName("Csv UTF-16BE BOM");
        yield return new TestCaseData(new UnicodeEncoding(false, false), false).SetName("Csv UTF-16LE no BOM");
    }

    [TestCaseSource(nameof(Encodings))]
    public void CsvHeaderKeywordAppliesToRow500InAnyEncoding(Encoding encoding, bool bom)
    {
        byte[] bytes = (bom ? encoding.GetPreamble() : System.Array.Empty<byte>()).Concat(encoding.GetBytes(PatientList(','))).ToArray();

        Verdict verdict = Gate.Attach("patients.csv", bytes);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.csv")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [TestCase(';')]
    [TestCase('\t')]
    public void CsvWithOtherDelimitersKeepsColumns(char delimiter)
    {
        Verdict verdict = Gate.Attach("patients.csv", Encoding.UTF8.GetBytes(PatientList(delimiter)));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.csv")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void CsvWithoutKeywordHeaderStaysLow()
    {
        string csv = PatientList(',').Replace("NHS Number", "Reference");

        Verdict verdict = Gate.Attach("stock.csv", Encoding.UTF8.GetBytes(csv));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.csv")?.Confidence, Is.EqualTo(Confidence.Low));
    }

    [Test]
    public void Utf16TextWithoutBomIsRead()
    {
        Verdict verdict = Gate.Attach("note.txt", Encoding.Unicode.GetBytes("Patient NHS number 943 476 5919"));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.txt")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void Windows1252TextIsRead()
    {
        byte[] bytes = Encoding.GetEncoding(28591).GetBytes("Caf\u00e9 patient r\u00e9f\u00e9rence 943 476 5919 \u00a3");

        Verdict verdict = Gate.Attach("note.txt", bytes);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.txt")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void AttachedHtmlAndRtfAreStillRead()
    {
        byte[] html = Encoding.UTF8.GetBytes("<html><body><p>Patient&nbsp;943&nbsp;476&nbsp;5919</p></body></html>");
        byte[] rtf = Encoding.ASCII.GetBytes(@"{\rtf1\ansi Patient NHS number 943 476 5919\par}");

        Verdict verdict = Gate.Evaluate(Gate.Message("See attached.", ("page.htm", html), ("letter.rtf", rtf)));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.htm")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:2.rtf")?.Confidence, Is.EqualTo(Confidence.High));
    }
}
