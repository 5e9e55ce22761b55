using System.IO;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Inspection;

/// <summary>HTML and RTF become the text a reader of the document would see.</summary>
[TestFixture]
public sealed class DocumentTextReaderTests
{
    [Test]
    public void Rtf_control_words_and_destinations_are_dropped_and_escapes_decoded()
    {
        const string rtf = @"{\rtf1\ansi{\fonttbl{\f0 Calibri;}}{\*\generator Riched20 9434765919;}" +
            @"\f0 Patient:\tab Mrs\~Evans\par NHS\u160?number 943 476 59\'31\'39\par}";
        using var reader = new RtfTextReader(new StringReader(rtf));
        string text = reader.ReadToEnd();
        Assert.That(text, Is.EqualTo("Patient:\tMrs\u00A0Evans\nNHS\u00A0number 943 476 5919\n"));
    }

    [Test]
    public void Html_keeps_block_boundaries_and_drops_markup()
    {
        using var reader = new HtmlTextReader(new StringReader("<html><head><style>p{color:red}</style><title>Letter</title></head><body><p>Dear&nbsp;Jane</p><div>A&amp;E <b>visit</b></div></body></html>"));
        string text = reader.ReadToEnd();
        Assert.That(text, Does.Contain("Dear\u00A0Jane").And.Contain("A&E visit").And.Not.Contain("<").And.Not.Contain("color"));
        Assert.That(text, Does.Match("Letter\n+Dear"), "block elements end a line");
    }
}
