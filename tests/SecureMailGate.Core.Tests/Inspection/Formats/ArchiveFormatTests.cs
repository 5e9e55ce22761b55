using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Tests.Inspection.Attachments;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>Tar, gzip (every member) and bzip2 attachments are opened and what is inside them inspected.</summary>
[TestFixture]
public sealed class ArchiveFormatTests
{
    private static readonly byte[] Letter = Encoding.ASCII.GetBytes("Patient NHS number " + Planted.Number + "\n");

    [Test]
    public void A_tar_entry_is_inspected()
    {
        byte[] tar = Archives.Tar(("readme.txt", Encoding.ASCII.GetBytes("Nothing here")), ("letters/letter.txt", Letter));

        Planted.AssertFound(Gate.Attach("letters.tar", tar), Planted.At("1.tar/2.txt"));
    }

    [Test]
    public void A_gzipped_csv_keeps_its_column_header_rule()
    {
        string csv = "Name,NHS Number\n" + string.Concat(Enumerable.Range(0, 400).Select(i => "Person " + i + ",\n")) + "Last," + Planted.Digits + "\n";

        var verdict = Gate.Attach("list.csv.gz", Archives.Gzip(Encoding.ASCII.GetBytes(csv)));

        Planted.AssertFound(verdict, Planted.At("1.gz/1.csv"));
        Assert.That(verdict.Findings.Single(f => f.Kind == "nhs-number").Confidence, Is.EqualTo(Core.Inspection.Confidence.High));
    }

    [Test]
    public void A_tar_gz_is_opened_twice_over()
    {
        byte[] tgz = Archives.Gzip(Archives.Tar(("letter.txt", Letter)));

        Planted.AssertFound(Gate.Attach("letters.tgz", tgz), Planted.At("1.tgz/1.tar/1.txt"));
    }

    [Test]
    public void The_second_member_of_a_concatenated_gzip_is_read()
    {
        byte[] first = Archives.Gzip(Encoding.ASCII.GetBytes("Clinic notes, part one.\n"));
        byte[] second = Archives.Gzip(Letter);

        Planted.AssertFound(Gate.Attach("notes.txt.gz", first.Concat(second).ToArray()), Planted.At("1.gz/1.txt"));
    }

    [Test]
    public void A_bzip2_file_is_read()
    {
        Planted.AssertFound(Gate.Attach("letter.txt.bz2", Archives.Bzip2(Letter)), Planted.At("1.bz2/1.txt"));
    }

    [Test]
    public void A_gzip_renamed_to_dat_is_still_opened()
    {
        Planted.AssertFound(Gate.Attach("export.dat", Archives.Gzip(Letter)), Planted.At("1.dat/1.dat"));
    }

    [Test]
    public void Archives_without_the_number_are_read_cleanly()
    {
        byte[] plain = Encoding.ASCII.GetBytes("Rota for June\n");
        var message = Gate.Message(
            "Please see attached.",
            ("rota.tar", Archives.Tar(("rota.txt", plain))),
            ("rota.txt.gz", Archives.Gzip(plain)),
            ("rota.txt.bz2", Archives.Bzip2(plain)));

        Planted.AssertReadCleanly(Gate.Evaluate(message));
    }
}
