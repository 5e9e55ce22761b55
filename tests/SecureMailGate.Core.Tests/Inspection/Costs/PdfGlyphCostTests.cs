using System.Linq;
using System.Text;
using NUnit.Framework;
using UglyToad.PdfPig;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Inspection.Readers;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>A PDF that draws millions of glyphs is refused from its content streams, before PdfPig builds them.</summary>
public sealed class PdfGlyphCostTests
{
    private const string Planted = "NHS number 943 476 5919";

    /// <summary>Repeated glyphs deflate far past 100:1; a real document's text would not, so the ratio check must not be what stops these.</summary>
    private static PolicyOptions Unbounded { get; } = Gate.Policy with { Limits = InspectionLimits.Default with { MaxRatio = 1_000_000 } };

    [Test]
    public void TwelveMillionGlyphsIsALimit()
    {
        // The case: 12 million glyphs from a few kilobytes of Flate, a real identifier on page 1.
        byte[] pdf = CostPdf.TwoPages(Planted, 12_000_000);
        Assert.That(pdf.Length, Is.LessThan(1_000_000), "the e-mail stays small");

        Verdict verdict = Gate.Evaluate(Gate.Message("Please see attached.", ("report.pdf", pdf)), Unbounded, CostAssert.Relative);

        CostAssert.IsLimitNotAllowed(verdict);
    }

    [Test]
    public void GlyphBoundIsALimitBeforeAnyPageIsBuilt()
    {
        byte[] pdf = CostPdf.TwoPages(Planted, 12_000_000);
        var budget = new InspectionBudget(Unbounded.Limits, System.TimeProvider.System);
        var filters = new BudgetedPdfFilters(budget);
        using PdfDocument document = PdfDocument.Open(pdf, new ParsingOptions { FilterProvider = filters });

        Assert.Throws<InspectionLimitException>(() => PdfGlyphEstimate.OfPages(document, filters, budget, PdfAttachmentReader.MaxPageGlyphs));
    }

    [Test]
    public void FormDrawnManyTimesIsALimit()
    {
        // 10,000 glyphs in a form, drawn 100 times: a million glyphs from a tiny page.
        byte[] pdf = CostPdf.RepeatedForm(10_000, 100);

        Verdict verdict = Gate.Evaluate(Gate.Message("Please see attached.", ("form.pdf", pdf)), Unbounded, CostAssert.Relative);

        CostAssert.IsLimitNotAllowed(verdict);
    }

    [Test]
    public void PageUnderTheCapIsRead()
    {
        byte[] pdf = CostPdf.TwoPages(Planted, 50_000);

        Verdict verdict = Gate.Evaluate(Gate.Message("Please see attached.", ("report.pdf", pdf)), recipients: CostAssert.Relative);

        Assert.That(verdict.Findings.Select(f => f.Kind), Does.Not.Contain(FindingKinds.InspectionLimit));
        Assert.That(verdict.Findings.Select(f => f.Kind), Does.Contain(FindingKinds.NhsNumber));
    }

    [TestCase("BT (abc) Tj ET", 3, 0)]
    [TestCase("BT <616263> Tj [(a) -20 (bc)] TJ ET", 6, 0)]
    [TestCase("(a\\)b(c)d) Tj", 7, 0)]
    [TestCase("<< /ActualText (x) >> BDC /Fm1 Do /Fm2 Do % (not counted)\nEMC", 1, 2)]
    [TestCase("BI /W 1 /H 1 ID (((( Do EI Q (ab) Tj", 2, 0)]
    public void CounterBoundsStringBytesAndDraws(string content, long strings, long draws)
    {
        var counter = new PdfContentCounter();
        counter.Feed(Encoding.ASCII.GetBytes(content));
        counter.Finish();

        Assert.That((counter.StringBytes, counter.XObjectDraws), Is.EqualTo((strings, draws)));
    }

    [Test]
    public void CapsAreAsDocumented()
    {
        Assert.That(PdfAttachmentReader.MaxPageGlyphs, Is.EqualTo(250_000));
        Assert.That(PdfAttachmentReader.MaxDocumentGlyphs, Is.EqualTo(5_000_000));
    }
}
