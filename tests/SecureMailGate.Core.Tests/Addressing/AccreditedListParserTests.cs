using System.IO;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;

namespace SecureMailGate.Core.Tests.Addressing;

[TestFixture]
public class AccreditedListParserTests
{
    private static AccreditedListParseResult Parse(string text) => AccreditedListParser.Parse(new StringReader(text));

    [Test]
    public void Plain_list_with_comments_blank_lines_and_suffixes()
    {
        var result = Parse("""
            # DCB1596 accredited organisations
            example.org

            *.Trust.Example.GOV.uk   # all sub-domains
              bücher.de.
            example.org
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.EqualTo(new[] { "example.org", "*.trust.example.gov.uk", "xn--bcher-kva.de" }));
            Assert.That(result.Errors, Is.Empty);
        });
    }

    [Test]
    public void Plain_list_reports_bad_lines_with_line_numbers()
    {
        var result = Parse("""
            good.org
            exa mple.org
            # comment
            *.com
            a.*.org
            -bad-.com
            *.
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.EqualTo(new[] { "good.org" }));
            Assert.That(result.Errors, Is.EqualTo(new[]
            {
                new AccreditedListError(2, "'exa mple.org' is not a valid domain name"),
                new AccreditedListError(4, "'*.com' would accredit a whole top-level domain"),
                new AccreditedListError(5, "'a.*.org' has a '*' that is not a leading '*.'"),
                new AccreditedListError(6, "'-bad-.com' is not a valid domain name"),
                new AccreditedListError(7, "'*.' is not a valid *.suffix entry"),
            }));
        });
    }

    [Test]
    public void Csv_with_quoted_fields_and_other_columns()
    {
        var result = Parse("""
            # exported from the accreditation register
            Organisation,"Domain",Notes
            "Smith, Jones & Co",smithjones.example.org,"said ""yes"", 2024"
            Example Trust,"*.Example.NHS.uk",
            Multi line,multi.example.org,"first line
            second, line"
            ,,
            Last,last.example.org,#not a comment
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.EqualTo(new[]
            {
                "smithjones.example.org", "*.example.nhs.uk", "multi.example.org", "last.example.org",
            }));
            Assert.That(result.Errors, Is.Empty);
        });
    }

    [Test]
    public void Csv_reports_bad_rows_with_line_numbers()
    {
        var result = Parse("""
            domain,name
            good.example.org,Good
            bad domain.org,Bad
            ,Missing
            "quoted"trailing,Junk
            ok.example.org,"never closed
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.EqualTo(new[] { "good.example.org" }));
            Assert.That(result.Errors, Has.Count.EqualTo(4));
            Assert.That(result.Errors[0], Is.EqualTo(new AccreditedListError(3, "'bad domain.org' is not a valid domain name")));
            Assert.That(result.Errors[1], Is.EqualTo(new AccreditedListError(4, "the row has no value in the 'domain' column")));
            Assert.That(result.Errors[2].Line, Is.EqualTo(5));
            Assert.That(result.Errors[3], Is.EqualTo(new AccreditedListError(6, "a quoted field is never closed")));
        });
    }

    [Test]
    public void Single_column_csv_header_is_recognised()
    {
        var result = Parse("Domain\r\nexample.org\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.EqualTo(new[] { "example.org" }));
            Assert.That(result.Errors, Is.Empty);
        });
    }

    [TestCase("Domain name\nexample.org\n")]
    [TestCase("Email domains\nexample.org\n")]
    public void Single_column_published_headers_are_recognised(string text)
    {
        var result = Parse(text);

        Assert.That(result.Entries, Is.EqualTo(new[] { "example.org" }));
        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void A_one_column_line_that_merely_mentions_domain_is_a_bad_entry_not_a_header()
    {
        // Read as a header it would make an empty, "valid" list that replaces a good one.
        var result = Parse("not a domain\n");

        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Errors[0].Line, Is.EqualTo(1));
    }

    [Test]
    public void Csv_without_a_domain_column_is_one_error()
    {
        var result = Parse("name,address\nfoo,foo.org\n");

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.Empty);
            Assert.That(result.Errors, Is.EqualTo(new[]
            {
                new AccreditedListError(1, "the file looks like CSV, but its header row has no 'domain' column"),
            }));
        });
    }

    [Test]
    public void Byte_order_mark_is_ignored_from_a_stream_and_from_text()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. "domain,x\nexample.org,1\n"u8];
        using var stream = new MemoryStream(bytes);

        var fromStream = AccreditedListParser.Parse(stream);
        var fromText = Parse("\uFEFFexample.org\n");

        Assert.Multiple(() =>
        {
            Assert.That(fromStream.Entries, Is.EqualTo(new[] { "example.org" }));
            Assert.That(fromStream.Errors, Is.Empty);
            Assert.That(fromText.Entries, Is.EqualTo(new[] { "example.org" }));
            Assert.That(fromText.Errors, Is.Empty);
            Assert.That(stream.CanRead, Is.True, "the caller's stream is left open");
        });
    }

    [Test]
    public void Empty_or_comment_only_input_gives_nothing()
    {
        var result = Parse("# nothing yet\n\n   \n");

        Assert.Multiple(() =>
        {
            Assert.That(result.Entries, Is.Empty);
            Assert.That(result.Errors, Is.Empty);
        });
    }

    [Test]
    public void Null_arguments_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => AccreditedListParser.Parse((TextReader)null!), Throws.ArgumentNullException);
            Assert.That(() => AccreditedListParser.Parse((Stream)null!), Throws.ArgumentNullException);
        });
    }
}
