using System;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Inspection.Readers;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>The pass before PdfPig: what it refuses, and the ordinary structures it must let through.</summary>
[TestFixture]
public sealed class PdfStructureCheckTests
{
    [Test]
    public void Nesting_up_to_the_limit_passes_and_one_level_more_is_a_limit()
    {
        Assert.That(() => Check(Body("<< /A " + Nested(PdfStructureCheck.MaxNesting - 1) + " >>")), Throws.Nothing);
        Assert.That(() => Check(Body("<< /A " + Nested(PdfStructureCheck.MaxNesting) + " >>")), Throws.TypeOf<InspectionLimitException>());
    }

    [Test]
    public void Brackets_inside_strings_and_stream_data_are_not_nesting()
    {
        string brackets = new string('[', 1000);
        string pdf = Body("<< /Title (" + brackets + ") /Length 1000 >>\nstream\n" + brackets + "\nendstream");

        Assert.That(() => Check(pdf), Throws.Nothing);
    }

    [Test]
    public void A_resource_category_stored_as_its_own_object_is_followed()
    {
        // Resources 1 -> /Font 2 (a category object) -> /F1 1: a loop only visible by following the category's entries.
        string pdf = Body("<< /Font 2 0 R >>", "<< /F1 1 0 R >>");

        Assert.That(() => Check(pdf), Throws.TypeOf<InspectionLimitException>());
    }

    [Test]
    public void Everything_a_resource_refers_to_is_followed_however_it_is_stored()
    {
        // An indexed colour space stored as an array object whose base colour space is itself.
        string pdf = Body("<< /Type /Page /Resources << /ColorSpace << /CS0 2 0 R >> >> >>", "[/Indexed 2 0 R 1 <0000>]");

        Assert.That(() => Check(pdf), Throws.TypeOf<InspectionLimitException>());
    }

    [Test]
    public void Back_links_inside_a_resource_are_not_followed()
    {
        // A form with /P and /Parent links back at the page that draws it.
        string pdf = Body(
            "<< /Type /Page /Resources << /XObject << /X1 2 0 R >> >> >>",
            "<< /Type /XObject /Subtype /Form /P 1 0 R /Parent 1 0 R /Length 0 >>\nstream\n\nendstream");

        Assert.That(() => Check(pdf), Throws.Nothing);
    }

    [Test]
    public void An_escaped_key_is_read_as_the_key_it_spells()
    {
        string pdf = Body("<< /Re#73ources 2 0 R >>", "<< /Re#73ources 1 0 R >>");

        Assert.That(() => Check(pdf), Throws.TypeOf<InspectionLimitException>());
    }

    [Test]
    public void A_loop_of_parents_is_a_limit()
    {
        string pdf = Body("<< /Type /Pages /Parent 2 0 R >>", "<< /Type /Pages /Parent 1 0 R >>");

        Assert.That(() => Check(pdf), Throws.TypeOf<InspectionLimitException>());
    }

    [Test]
    public void A_loop_hidden_in_a_compressed_object_stream_is_found()
    {
        // Objects 7 and 8 live in object stream 6 and are references to each other.
        const string objects = "8 0 R 7 0 R";
        const string header = "7 0 8 6 ";
        byte[] packed = HostilePdf.Deflate(header + objects);
        string data = Encoding.Latin1.GetString(packed);
        string pdf = "%PDF-1.7\n6 0 obj\n<< /Type /ObjStm /N 2 /First " + header.Length + " /Filter [/FlateDecode] /Length " + packed.Length + " >>\nstream\n" + data + "\nendstream\nendobj\n";

        Assert.That(() => Check(pdf), Throws.TypeOf<InspectionLimitException>());
    }

    [Test]
    public void Documents_written_by_a_pdf_library_pass()
    {
        byte[] pdf = AttachmentFixtures.Pdf("Patient 943 476 5919");

        Assert.That(() => PdfStructureCheck.Check(pdf, pdf.Length, encrypted: false, Budget()), Throws.Nothing);
    }

    [Test]
    public void Ordinary_back_references_pass()
    {
        byte[] pdf = HostilePdf.OrdinaryBackReferences();

        Assert.That(() => PdfStructureCheck.Check(pdf, pdf.Length, encrypted: false, Budget()), Throws.Nothing);
    }

    private static void Check(string pdf)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(pdf);
        PdfStructureCheck.Check(bytes, bytes.Length, encrypted: false, Budget());
    }

    private static InspectionBudget Budget() => new(InspectionLimits.Default, TimeProvider.System);

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A file of objects 1..n with the given bodies (no xref: the check does not need one).</summary>
    private static string Body(params string[] objects)
    {
        var pdf = new StringBuilder("%PDF-1.7\n");
        for (int i = 0; i < objects.Length; i++)
        {
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        return pdf.ToString();
    }
}
