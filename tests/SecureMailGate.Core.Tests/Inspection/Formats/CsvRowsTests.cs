using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Inspection.Readers;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>
/// How delimited text splits into rows and fields (RFC 4180 quoting, delimiter sniffing, line breaks, caps), read
/// through the reused row buffer: each row is copied out before the next is read, as the table reader uses it.
/// </summary>
[TestFixture]
public sealed class CsvRowsTests
{
    [Test]
    public void Rows_split_at_LF_CRLF_and_lone_CR()
    {
        Assert.That(Rows("a,b\r\n1,2\n3,4\r5,6"), Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "1", "2" }, new[] { "3", "4" }, new[] { "5", "6" } }));
    }

    [Test]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks()
    {
        string csv = "Name,Note,Address\n\"Shah, Priya\",\"said \"\"fine\"\"\",\"1 High St\r\nLeeds\"\n";

        Assert.That(Rows(csv), Is.EqualTo(new[]
        {
            new[] { "Name", "Note", "Address" },
            new[] { "Shah, Priya", "said \"fine\"", "1 High St\r\nLeeds" },
        }));
    }

    [Test]
    public void A_quote_inside_an_unquoted_field_is_text()
    {
        Assert.That(Rows("a\"b,c\n"), Is.EqualTo(new[] { new[] { "a\"b", "c" } }));
    }

    [TestCase(';')]
    [TestCase('\t')]
    [TestCase('|')]
    public void The_delimiter_is_the_commonest_in_the_first_line(char delimiter)
    {
        string csv = $"NHS number{delimiter}Name{delimiter}Ward\n943 476 5919{delimiter}Smith, J{delimiter}7\n";

        Assert.That(Rows(csv), Is.EqualTo(new[] { new[] { "NHS number", "Name", "Ward" }, new[] { "943 476 5919", "Smith, J", "7" } }));
    }

    [Test]
    public void Empty_fields_and_blank_lines_are_kept_and_empty_input_has_no_rows()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rows("a,,\n\nb"), Is.EqualTo(new[] { new[] { "a", string.Empty, string.Empty }, new[] { string.Empty }, new[] { "b" } }));
            Assert.That(Rows(string.Empty), Is.Empty);
        });
    }

    [Test]
    public void A_quote_that_never_closes_runs_to_the_end_of_the_text()
    {
        Assert.That(Rows("a,\"b\nc,d"), Is.EqualTo(new[] { new[] { "a", "b\nc,d" } }));
    }

    [Test]
    public void An_unquoted_field_longer_than_the_cap_is_cut_into_fields()
    {
        string csv = new string('x', CsvRows.MaxFieldChars + 5) + ",y\n";

        string[][] rows = Rows(csv);

        // The character that finds the field full ends it (and is dropped); the rest starts the next field.
        Assert.That(rows.Single().Select(f => f.Length), Is.EqualTo(new[] { CsvRows.MaxFieldChars, 4, 1 }));
    }

    [Test]
    public void An_unclosed_quote_gives_up_quoting_at_the_cap()
    {
        string csv = "\"" + new string('x', CsvRows.MaxFieldChars + 1) + "\nnext,row\n";

        string[][] rows = Rows(csv);

        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[0].Single(), Has.Length.EqualTo(CsvRows.MaxFieldChars));
        Assert.That(rows[1], Is.EqualTo(new[] { "next", "row" }));
    }

    [Test]
    public void A_row_of_more_fields_than_the_cap_is_a_limit()
    {
        string csv = new string(',', CsvRows.MaxFields) + "\n";

        var ex = Assert.Throws<InspectionLimitException>(() => Rows(csv));

        Assert.That(ex!.Limit, Is.EqualTo(FindingReasons.RowTooLong));
    }

    [Test]
    public void A_row_of_exactly_the_field_cap_is_read()
    {
        string csv = new string(',', CsvRows.MaxFields - 1) + "\n";

        Assert.That(Rows(csv).Single(), Has.Length.EqualTo(CsvRows.MaxFields));
    }

    [Test]
    public void A_row_longer_than_the_character_cap_is_a_limit()
    {
        // Five fields of under a mebi-character each: no field is cut, the row passes 4 Mi characters.
        string field = new string('x', CsvRows.MaxFieldChars - 1);
        string csv = string.Join(",", Enumerable.Repeat(field, 5)) + "\n";

        var ex = Assert.Throws<InspectionLimitException>(() => Rows(csv));

        Assert.That(ex!.Limit, Is.EqualTo(FindingReasons.RowTooLong));
    }

    [Test]
    public void Rows_after_a_long_row_are_not_polluted_by_it()
    {
        string csv = "h1,h2\n" + new string('x', 100_000) + "," + new string('y', 50_000) + "\nshort,row\n";

        string[][] rows = Rows(csv);

        Assert.That(rows[2], Is.EqualTo(new[] { "short", "row" }));
        Assert.That(rows[1].Select(f => f.Length), Is.EqualTo(new[] { 100_000, 50_000 }));
    }

    [Test]
    public void String_rows_from_a_worksheet_read_the_same_through_the_row_buffer()
    {
        // Worksheet readers may hand over a null row or a null cell: both read as empty.
        var sheet = new List<IReadOnlyList<string>> { new[] { "NHS number", "Name" }, null!, new[] { "943 476 5919", null!, "x" } };

        string[][] rows = TableRow.From(sheet).Select(Copy).ToArray();

        Assert.That(rows, Is.EqualTo(new[] { new[] { "NHS number", "Name" }, System.Array.Empty<string>(), new[] { "943 476 5919", string.Empty, "x" } }));
    }

    private static string[][] Rows(string csv) => CsvRows.Read(new StringReader(csv)).Select(Copy).ToArray();

    private static string[] Copy(TableRow row)
    {
        string[] fields = new string[row.Count];
        for (int i = 0; i < row.Count; i++)
        {
            fields[i] = row.FieldString(i);
            Assert.That(row.Field(i).ToString(), Is.EqualTo(fields[i]));
        }

        return fields;
    }
}
