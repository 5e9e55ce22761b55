using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using SecureMailGate.Core.Tests.Inspection.Formats;

namespace SecureMailGate.Core.Tests.Inspection.Places;

/// <summary>Places inside documents: alt text, field instructions, properties, comments, headers, names, form fields, annotations.</summary>
[TestFixture]
public sealed class DocumentPlacesTests
{
    private const string Text = "NHS number 943 476 5919";

    [TestCase("image alt text")]
    [TestCase("image title")]
    [TestCase("field instruction")]
    [TestCase("simple field")]
    [TestCase("title")]
    [TestCase("subject")]
    [TestCase("keywords")]
    [TestCase("description")]
    public void A_word_document_place_is_read(string place)
    {
        Planted.AssertFound(Gate.Attach("letter.docx", DocumentPlaces.Docx(place, Text)), Planted.At("1.docx"));
    }

    [Test]
    public void A_word_document_without_the_number_is_read_cleanly()
    {
        Planted.AssertReadCleanly(Gate.Attach("letter.docx", DocumentPlaces.Docx("image alt text", "A photo of the ward")));
    }

    [TestCase("sheet name")]
    [TestCase("defined name")]
    [TestCase("page header")]
    [TestCase("cell comment")]
    public void A_workbook_place_is_read(string place)
    {
        Planted.AssertFound(Gate.Attach("stock.xlsx", DocumentPlaces.Xlsx(place, place is "sheet name" or "defined name" ? "NHS " + Planted.Digits : Text)), Planted.At("1.xlsx"));
    }

    [Test]
    public void A_workbook_without_the_number_is_read_cleanly()
    {
        Planted.AssertReadCleanly(Gate.Attach("stock.xlsx", DocumentPlaces.Xlsx("cell comment", "Check the count on Monday")));
    }

    [TestCase("form field")]
    [TestCase("annotation")]
    [TestCase("document info")]
    public void A_pdf_place_is_read(string place)
    {
        Planted.AssertFound(Gate.Attach("form.pdf", DocumentPlaces.Pdf(place, Text)), Planted.At("1.pdf"));
    }

    [Test]
    public void A_pdf_without_the_number_is_read_cleanly()
    {
        Planted.AssertReadCleanly(Gate.Attach("form.pdf", DocumentPlaces.Pdf("form field", "Jane Carer")));
    }

    [Test]
    public void A_pdf_whose_form_fields_refer_to_each_other_in_a_loop_still_gets_a_verdict()
    {
        // Field 6's kid 7 names 6 as its own kid. The structure check refuses the loop before PdfPig runs (and the
        // field walk would visit each object once anyway): a limit, so the message is protected, never a hang.
        byte[] pdf = DocumentPlaces.Pdf("form field", Text);
        string loop = Encoding.GetEncoding(28591).GetString(pdf).Replace("/Parent 6 0 R", "/Kids [6 0 R]");
        byte[] looped = Encoding.GetEncoding(28591).GetBytes(loop);

        var verdict = Gate.Attach("form.pdf", looped);

        Assert.That(verdict.Sensitive, Is.True);
        Assert.That(verdict.Decisions[0].Action, Is.Not.EqualTo(Core.Policy.RecipientAction.Allow));
    }
}
