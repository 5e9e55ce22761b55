using System;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>Word, Excel and PowerPoint 97-2003 files are read, not passed over as unreadable.</summary>
[TestFixture]
public sealed class LegacyOfficeTests
{
    [Test]
    public void A_word_97_document_is_read_through_its_piece_table()
    {
        byte[] doc = LegacyFiles.Doc(("Discharge summary\rNHS number " + Planted.Number + "\r", false));

        Planted.AssertFound(Gate.Attach("letter.doc", doc), Planted.At("1.doc"));
    }

    [Test]
    public void A_number_split_between_an_8_bit_piece_and_a_utf16_piece_reads_whole()
    {
        byte[] doc = LegacyFiles.Doc(("Patient NHS number 943 47", false), ("6 5919 seen in clinic\r", true));

        Planted.AssertFound(Gate.Attach("letter.doc", doc), Planted.At("1.doc"));
    }

    [Test]
    public void A_word_field_instruction_is_read()
    {
        // A QUOTE field: the instruction between the 0x13 and 0x14 marks, the shown text after it. (Not a URL: a
        // number inside a URL does not count as an NHS number, POLICY §2.)
        string text = "See: \u0013 QUOTE \"NHS number " + Planted.Number + "\" \u0014the record\u0015\r";

        Planted.AssertFound(Gate.Attach("letter.doc", LegacyFiles.Doc((text, false))), Planted.At("1.doc"));
    }

    [Test]
    public void A_word_97_document_without_the_number_is_read_cleanly()
    {
        Planted.AssertReadCleanly(Gate.Attach("letter.doc", LegacyFiles.Doc(("Minutes of the team meeting\r", false), ("Next meeting in June\r", true))));
    }

    [Test]
    public void A_number_cell_far_below_an_nhs_number_header_is_found_in_an_excel_97_workbook()
    {
        string[][] rows = new[] { new[] { "Name", "NHS Number" } }
            .Concat(Enumerable.Range(0, 600).Select(i => new[] { "Person " + i, string.Empty }))
            .Concat(new[] { new[] { "Last", "#" + Planted.Digits } })
            .ToArray();

        var verdict = Gate.Attach("list.xls", LegacyFiles.Xls(new[] { ("Sheet1", (System.Collections.Generic.IEnumerable<string[]>)rows) }));

        Planted.AssertFound(verdict, Planted.At("1.xls"));
        Assert.That(verdict.Findings.Single(f => f.Kind == "nhs-number").Confidence, Is.EqualTo(Core.Inspection.Confidence.High));
    }

    [Test]
    public void A_shared_string_cut_across_continue_records_reads_whole()
    {
        string[][] rows = { new[] { "Referral for patient, NHS number " + Planted.Number + ", seen today" } };

        var verdict = Gate.Attach("list.xls", LegacyFiles.Xls(new[] { ("Sheet1", (System.Collections.Generic.IEnumerable<string[]>)rows) }, maxRecord: 23));

        Planted.AssertFound(verdict, Planted.At("1.xls"));
    }

    [TestCase("sheet name")]
    [TestCase("defined name")]
    [TestCase("page header")]
    public void Excel_97_sheet_names_defined_names_and_headers_are_read(string place)
    {
        string hidden = "NHS_" + Planted.Digits;
        string[][] rows = { new[] { "Nothing here" } };
        byte[] xls = place switch
        {
            "sheet name" => LegacyFiles.Xls(new[] { (hidden, (System.Collections.Generic.IEnumerable<string[]>)rows) }),
            "defined name" => LegacyFiles.Xls(new[] { ("Sheet1", (System.Collections.Generic.IEnumerable<string[]>)rows) }, definedName: hidden),
            _ => LegacyFiles.Xls(new[] { ("Sheet1", (System.Collections.Generic.IEnumerable<string[]>)rows) }, header: "Patient NHS number " + Planted.Number),
        };

        Planted.AssertFound(Gate.Attach("list.xls", xls), Planted.At("1.xls"));
    }

    [Test]
    public void An_excel_97_workbook_without_the_number_is_read_cleanly()
    {
        string[][] rows = { new[] { "Item", "Count" }, new[] { "Gloves", "#12" } };

        Planted.AssertReadCleanly(Gate.Attach("stock.xls", LegacyFiles.Xls(new[] { ("Stock", (System.Collections.Generic.IEnumerable<string[]>)rows) })));
    }

    [Test]
    public void A_powerpoint_97_text_atom_is_read()
    {
        Planted.AssertFound(Gate.Attach("case.ppt", LegacyFiles.Ppt("Case review", "Patient NHS number " + Planted.Number)), Planted.At("1.ppt"));
    }

    [Test]
    public void A_powerpoint_97_presentation_without_the_number_is_read_cleanly()
    {
        Planted.AssertReadCleanly(Gate.Attach("training.ppt", LegacyFiles.Ppt("Hand hygiene", "Five moments")));
    }

    [Test]
    public void A_legacy_file_renamed_to_txt_is_still_read_as_what_it_is()
    {
        byte[] doc = LegacyFiles.Doc(("NHS number " + Planted.Number, false));

        Planted.AssertFound(Gate.Attach("notes.txt", doc), Planted.At("1.txt"));
        Assert.That(Array.IndexOf(doc, (byte)0), Is.GreaterThanOrEqualTo(0), "the fixture is binary, not text");
    }
}
