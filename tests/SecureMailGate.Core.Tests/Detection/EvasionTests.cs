using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>
/// Issue 9's text-level misses: a valid NHS number next to the words "NHS number", written carelessly — odd characters
/// inside or between the groups, digits of another script, other separators, a line break, HTML line breaks and
/// entities, text in HTML attributes and Outlook's conditional comments — is found, and mail to an external
/// recipient is not allowed as it is. Every number is generated, so each case holds a different valid number.
/// </summary>
[TestFixture]
public sealed class EvasionTests
{
    private const string Gmail = "someone@gmail.com";

    /// <summary>How each evasion writes a number (ten ASCII digits) in a plain text body.</summary>
    private static readonly (string Name, Func<string, string> Write)[] PlainWritings =
    {
        ("zero-width space between groups", n => ValidNumbers.Grouped(n, "\u200B")),
        ("zero-width space inside groups", n => string.Join("\u200B", n.ToCharArray())),
        ("zero-width space beside spaces", n => ValidNumbers.Grouped(n, " \u200B")),
        ("zero-width non-joiner", n => ValidNumbers.Grouped(n, "\u200C")),
        ("zero-width joiner and word joiner", n => ValidNumbers.Grouped(n, "\u200D", "\u2060")),
        ("byte order mark", n => ValidNumbers.Grouped(n, " \uFEFF")),
        ("soft hyphen", n => ValidNumbers.Grouped(n, "\u00AD")),
        ("full-width digits", n => ValidNumbers.Grouped(Script(n, '\uFF10'), " ")),
        ("Arabic-Indic digits", n => ValidNumbers.Grouped(Script(n, '\u0660'), " ")),
        ("extended Arabic-Indic digits", n => Script(n, '\u06F0')),
        ("Devanagari digits", n => ValidNumbers.Grouped(Script(n, '\u0966'), "-")),
        ("narrow no-break space", n => ValidNumbers.Grouped(n, "\u202F")),
        ("thin space", n => ValidNumbers.Grouped(n, "\u2009")),
        ("figure space", n => ValidNumbers.Grouped(n, "\u2007")),
        ("en dash", n => ValidNumbers.Grouped(n, "\u2013")),
        ("non-breaking hyphen", n => ValidNumbers.Grouped(n, "\u2011")),
        ("minus sign", n => ValidNumbers.Grouped(n, "\u2212")),
        ("dots", n => ValidNumbers.Grouped(n, ".")),
        ("tabs", n => ValidNumbers.Grouped(n, "\t")),
        ("double spaces", n => ValidNumbers.Grouped(n, "  ")),
        ("space then hyphen", n => ValidNumbers.Grouped(n, " ", "-")),
        ("hyphen then space", n => ValidNumbers.Grouped(n, "-", " ")),
        ("space then no-break space", n => ValidNumbers.Grouped(n, " ", "\u00A0")),
        ("spaced hyphens", n => ValidNumbers.Grouped(n, " - ")),
        ("line break inside the number", n => ValidNumbers.Grouped(n, " ", "\n")),
        ("line break after the first group", n => ValidNumbers.Grouped(n, "\n", " ")),
        ("line break with trailing space", n => ValidNumbers.Grouped(n, " ", " \n")),
        ("line break in a quoted reply", n => ValidNumbers.Grouped(n, " ", "\n> ")),
    };

    /// <summary>How each evasion writes a number in an HTML body (the keyword is written before it in the page).</summary>
    private static readonly (string Name, Func<string, string> Html)[] HtmlWritings =
    {
        ("&#8203; between groups", n => "<p>NHS number " + ValidNumbers.Grouped(n, "&#8203;") + "</p>"),
        ("&#x200B; beside spaces", n => "<p>NHS number " + ValidNumbers.Grouped(n, " &#x200B;") + "</p>"),
        ("&shy; between groups", n => "<p>NHS number " + ValidNumbers.Grouped(n, "&shy;") + "</p>"),
        ("&nbsp; beside a space", n => "<p>NHS number " + ValidNumbers.Grouped(n, " ", "&nbsp;") + "</p>"),
        ("&nbsp; throughout", n => "<p>NHS&nbsp;number&nbsp;" + ValidNumbers.Grouped(n, "&nbsp;") + "</p>"),
        ("<br> between groups", n => "<p>NHS number " + ValidNumbers.Grouped(n, " ", "<br>") + "</p>"),
        ("<br/> after the first group", n => "<div>NHS number " + ValidNumbers.Grouped(n, "<br/>", " ") + "</div>"),
        ("&ndash; between groups", n => "<p>NHS number " + ValidNumbers.Grouped(n, "&ndash;") + "</p>"),
        ("image alt text", n => "<p>Please see below.</p><img src=\"cid:scan\" alt=\"NHS number " + ValidNumbers.Grouped(n, " ") + "\">"),
        ("title attribute", n => "<p><span title=\"NHS number " + ValidNumbers.Grouped(n, " ") + "\">Patient details</span></p>"),
        ("Outlook conditional comment", n => "<!--[if mso]><p>NHS number " + ValidNumbers.Grouped(n, " ") + "</p><![endif]--><p>Regards</p>"),
        ("Outlook conditional comment with a table", n => "<p>Hello</p><!--[if gte mso 9]><table><tr><td>NHS number</td><td>" + n + "</td></tr></table><![endif]-->"),
    };

    public static IEnumerable<TestCaseData> PlainCases() =>
        PlainWritings.Select((w, i) => new TestCaseData(i).SetName("Plain text: " + w.Name + " is found"));

    public static IEnumerable<TestCaseData> HtmlCases() =>
        HtmlWritings.Select((w, i) => new TestCaseData(i).SetName("HTML: " + w.Name + " is found"));

    [TestCaseSource(nameof(PlainCases))]
    public void Plain_text_evasion_is_found(int index)
    {
        string number = ValidNumbers.Make(900 + index);
        string body = "Dear colleague,\n\nPatient's NHS number: " + PlainWritings[index].Write(number) + "\n\nThanks";

        AssertFoundAndNotAllowed(Evaluate.Text("Referral", body));
    }

    [TestCaseSource(nameof(HtmlCases))]
    public void Html_evasion_is_found(int index)
    {
        string number = ValidNumbers.Make(700 + index);
        string mime = "From: clinician@ourtrust.nhs.uk\nTo: someone@gmail.com\nSubject: Referral\nMIME-Version: 1.0\n" +
            "Content-Type: text/html; charset=utf-8\n\n<html><body>" + HtmlWritings[index].Html(number) + "</body></html>\n";

        AssertFoundAndNotAllowed(Evaluate.Mime(mime, new[] { Gmail }));
    }

    [TestCase("\u200B")]
    [TestCase("\u2009")]
    [TestCase("\u2013")]
    public void An_odd_separator_in_the_subject_still_blocks(string separator)
    {
        string number = ValidNumbers.Make(31);
        Verdict verdict = Evaluate.Text("Re: " + ValidNumbers.Grouped(number, separator), "see notes");

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "subject"), Is.Not.Null);
        Assert.That(verdict.For(Gmail).Action, Is.EqualTo(RecipientAction.Block));
    }

    [Test]
    public void Without_a_keyword_a_grouped_number_written_oddly_is_still_medium()
    {
        string number = ValidNumbers.Make(32);
        Verdict verdict = Evaluate.Text("Letter", "Ref " + ValidNumbers.Grouped(Script(number, '\uFF10'), "\u202F") + " enclosed");

        Assert.That(verdict.Find(FindingKinds.NhsNumber)?.Confidence, Is.EqualTo(Confidence.Medium));
        Assert.That(verdict.For(Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    [TestCase("Tel 0161 496 0000, NHS No: {0}")]
    [TestCase("Fax the letter (NHS number {0}) to the ward")]
    [TestCase("nhs_number={0}")]
    [TestCase("patientId = {0}")]
    [TestCase("-- \nWard 7\nPatient NHS no. {0}")]
    [TestCase("Mobile: {0} (NHS)")]
    public void A_keyword_directly_on_the_number_counts_whatever_surrounds_it(string template)
    {
        string body = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, ValidNumbers.Grouped(ValidNumbers.Make(33), " "));

        Verdict verdict = Evaluate.Text("Letter", body);

        Assert.That(verdict.Find(FindingKinds.NhsNumber)?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void Two_line_breaks_do_not_join_three_lines_into_one_number()
    {
        string number = ValidNumbers.Make(34);
        Verdict verdict = Evaluate.Text("Stock", "Counts:\n" + ValidNumbers.Grouped(number, "\n") + "\nend");

        Assert.That(verdict.Find(FindingKinds.NhsNumber), Is.Null);
    }

    private static void AssertFoundAndNotAllowed(Verdict verdict)
    {
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Find(FindingKinds.NhsNumber)?.Confidence, Is.EqualTo(Confidence.High), "an NHS number next to its keyword");
            Assert.That(verdict.For(Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    /// <summary>The digits written in a script whose zero is <paramref name="zero"/>.</summary>
    private static string Script(string digits, char zero) => new(digits.Select(c => char.IsDigit(c) && c < 0x80 ? (char)(zero + (c - '0')) : c).ToArray());
}
