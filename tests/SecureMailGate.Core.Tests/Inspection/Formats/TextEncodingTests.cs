using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Tests.Inspection.Attachments;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>Text in UTF-7, and UTF-16 without a byte-order mark in a non-Latin script, is decoded before it is scanned.</summary>
[TestFixture]
public sealed class TextEncodingTests
{
    // "NHS number 943 476 5919" with the digits base64-shifted, as a UTF-7 encoder may write them.
    private static readonly string Utf7 = "NHS number +ADkANAAz- +ADQANwA2- +ADUAOQAxADk-\r\n";

    [TestCase("letter.txt", "text/plain")]
    [TestCase("export.dat", "application/octet-stream")]
    public void A_utf7_attachment_is_decoded(string name, string type)
    {
        Assert.That(Utf7, Does.Not.Contain("943"), "the fixture hides the digits");

        Planted.AssertFound(Gate.Attach(name, Encoding.ASCII.GetBytes(Utf7)), Planted.At("1." + name.Split('.')[1]));
    }

    [Test]
    public void A_utf7_body_part_is_decoded()
    {
        string mime = "From: clinician@ourtrust.nhs.uk\nTo: someone@gmail.com\nSubject: Update\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-7\n\n" + Utf7;

        Planted.AssertFound(Evaluate.Mime(mime, new[] { Gate.Gmail }), "body");
    }

    [Test]
    public void Plain_ascii_with_plus_signs_is_not_mistaken_for_utf7()
    {
        // "+44" and "C++" are not shift runs that decode to whole characters: the phone number stays as written.
        byte[] text = Encoding.ASCII.GetBytes("Call +44 161 496 0000 or see C++ notes. 2+2=4.\nNHS number " + Planted.Number + "\n");

        Planted.AssertFound(Gate.Attach("notes.txt", text), Planted.At("1.txt"));
    }

    [TestCase("Пациент: NHS номер " + Planted.Number + ", выписка из больницы.\r\n", false)]
    [TestCase("المريض: رقم NHS " + Planted.Number + " خروج من المستشفى\r\n", false)]
    [TestCase("患者 NHS 番号 " + Planted.Number + " 退院サマリー\r\n", false)]
    [TestCase("Пациент: NHS номер " + Planted.Number + ", выписка из больницы.\r\n", true)]
    public void Utf16_without_a_byte_order_mark_in_a_non_latin_script_is_decoded(string text, bool bigEndian)
    {
        byte[] bytes = (bigEndian ? new UnicodeEncoding(true, false) : new UnicodeEncoding(false, false)).GetBytes(text + text + text);

        Planted.AssertFound(Gate.Attach("export.dat", bytes), Planted.At("1.dat"));
        Planted.AssertFound(Gate.Attach("letter.txt", bytes), Planted.At("1.txt"));
    }
}
