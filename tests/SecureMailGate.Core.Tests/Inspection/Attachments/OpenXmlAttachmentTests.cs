using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

[TestFixture]
public sealed class OpenXmlAttachmentTests
{
    [Test]
    public void WordLetterWithNumberSplitAcrossRunsIsFoundAndEncryptedForGmail()
    {
        byte[] docx = AttachmentFixtures.Docx(
            new[] { "Dear Dr Smith," },
            new[] { "Re: your patient, NHS number ", "943", " 476 ", "59", "19", ", seen in clinic today." });

        Verdict verdict = Gate.Attach("letter.docx", docx);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.docx")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Encrypt));
        Assert.That(verdict.Decisions.Single().Reasons, Does.Contain(ReasonCodes.SensitiveToInsecure));
    }

    [Test]
    public void WordLetterWithoutIdentifiersIsAllowed()
    {
        byte[] docx = AttachmentFixtures.Docx(new[] { "Minutes of the estates meeting, room ", "943", " booked." });

        Verdict verdict = Gate.Attach("minutes.docx", docx);

        Assert.That(verdict.Findings, Is.Empty);
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Allow));
    }

    [TestCase("letter.txt", "attachment:1.txt")]
    [TestCase("letter.dat", "attachment:1.dat")]
    [TestCase("letter", "attachment:1")]
    public void RenamedWordDocumentIsStillRead(string name, string location)
    {
        byte[] docx = AttachmentFixtures.Docx(new[] { "Patient ", "9434765919" });

        Verdict verdict = Gate.Attach(name, docx);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, location)?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void SpreadsheetHeaderKeywordMakesRow500High()
    {
        var rows = new List<string[]> { new[] { "Name", "NHS Number", "Ward" } };
        for (int i = 1; i < 500; i++)
        {
            rows.Add(new[] { "Person " + i, "#" + (1000 + i), "Ward " + (i % 7) });
        }

        rows.Add(new[] { "Person 500", "#9434765919", "Ward 3" });
        byte[] xlsx = AttachmentFixtures.Xlsx(("List", rows));

        Verdict verdict = Gate.Attach("patients.xlsx", xlsx);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.xlsx")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Decisions.Single().Action, Is.EqualTo(RecipientAction.Encrypt));
    }

    [Test]
    public void SpreadsheetNumberWithoutHeaderKeywordIsOnlyLow()
    {
        var rows = new List<string[]> { new[] { "Name", "Reference" } };
        for (int i = 1; i < 500; i++)
        {
            rows.Add(new[] { "Item " + i, "#" + (1000 + i) });
        }

        rows.Add(new[] { "Item 500", "#9434765919" });

        Verdict verdict = Gate.Attach("stock.xlsx", AttachmentFixtures.Xlsx(("Stock", rows)));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.xlsx")?.Confidence, Is.EqualTo(Confidence.Low));
        Assert.That(verdict.Sensitive, Is.False);
    }

    [Test]
    public void SpreadsheetNumberInExponentFormIsReadAsItsDigits()
    {
        byte[] xlsx = AttachmentFixtures.Xlsx(("Sheet1", new[] { new[] { "NHS No" }, new[] { "#9.434765919E9" } }));

        Verdict verdict = Gate.Attach("export.xlsx", xlsx);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.xlsx")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void EachSheetHasItsOwnHeaderRowFirstNonEmptyRow()
    {
        byte[] xlsx = AttachmentFixtures.Xlsx(
            ("Summary", new[] { new[] { "Total", "#3" } }),
            ("Patients", new[] { new[] { "", "" }, new[] { "Surname", "DOB", "NHS Number" }, new[] { "Jones", "#12000", "#9434765919" } }));

        Verdict verdict = Gate.Attach("clinic-list.xlsx", xlsx);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.xlsx")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [TestCase("9434765919", "9434765919")]
    [TestCase("9.434765919E9", "9434765919")]
    [TestCase("9.434765919E+09", "9434765919")]
    [TestCase("1.50", "1.5")]
    [TestCase("-0.25", "-0.25")]
    [TestCase("abc", "abc")]
    public void NumericCellsAreWrittenAsPlainDecimals(string raw, string expected) =>
        Assert.That(Core.Inspection.Readers.OpenXmlText.FormatNumber(raw), Is.EqualTo(expected));

    [Test]
    public void PresentationSlideTextIsScanned()
    {
        byte[] pptx = AttachmentFixtures.Pptx("Case review", "Patient: J Bloggs, NHS 943 476 5919");

        Verdict verdict = Gate.Attach("review.pptx", pptx);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.pptx")?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void DocumentInsideZipFolderIsLocatedByItsPath()
    {
        byte[] inner = AttachmentFixtures.Docx(new[] { "Patient 943 476 5919" });
        byte[] zip = AttachmentFixtures.Zip(("bundle/letter.docx", inner));

        Verdict verdict = Gate.Attach("bundle.zip", zip);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:1.zip/1.docx")?.Confidence, Is.EqualTo(Confidence.High));
    }
}
