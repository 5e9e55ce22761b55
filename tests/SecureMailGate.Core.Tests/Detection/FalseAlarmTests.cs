using System.Collections.Generic;
using System.Globalization;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>
/// Issue 9's false alarms on real benign mail: telephone and fax numbers in signatures and contact lines (North American,
/// UK with "+44 (0)", Italian, German, New Zealand, South African), ISBNs in shop URLs beside "gp", program output with
/// "gp = x" and identifiers, pasted sample data. Each number passes modulus 11; each case has a control, the same number
/// in the same shape without that context, which is flagged, so the test fails if the number or its shape stops counting
/// for some other reason.
/// </summary>
[TestFixture]
public sealed class FalseAlarmTests
{
    private const string Gmail = "someone@gmail.com";

    /// <summary>
    /// Name, area code, the benign text and its flagged control ({0} is the number grouped as the case says, {1} contiguous).
    /// </summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("US fax in a signature", "410", "Best,\nJohn\nFax: {0}", "Best,\nJohn\nRef: {0}", "-");
        yield return Case("US cell", "281", "Cell: {0}\nOffice hours 9-5", "Item {0}\nOffice hours 9-5", "-");
        yield return Case("tel and fax on one line", "914", "Tel: 212-555-0143 / Fax: {0}", "Order {0}", "-");
        yield return Case("phone with a dot separator", "617", "Phone. {0}", "Order {0}", ".");
        yield return Case("cue at the end of the line before", "949", "Irvine, CA 92612, phone\n{0}, fax 949-833-2881", "Irvine, CA 92612\n{0} today", "-");
        yield return Case("number followed by a fax", "949", "Endeavors Technology, {0}, fax 949-833-2881, email info@example.com", "Endeavors Technology, {0}, more soon", "-");
        yield return Case("extension after the number", "303", "Reach me on {0} x 2245", "Reach me on {0} soon", "-");
        yield return Case("call me at", "617", "You can call me at {0} anytime it's convenient.", "You can quote {0} anytime it's convenient.", ".");
        yield return Case("one-letter labels", "212", "J. Smith | T: {0} | E: j@example.com", "J. Smith | {0} | today", " ");
        yield return Case("UK +44 (0)", "161", "Manchester office +44 (0){0}", "Manchester office ref {0}", " ");
        yield return Case("UK in brackets", "208", "Jane Doe [+44 (0){0}]", "Jane Doe [{0}]", " ");
        yield return Case("UK (0) without the country code", "207", "London (0){0}", "London {0}", " ");
        yield return Case("Italian mobile", "347", "Cordiali saluti,\nMario Rossi\ncellulare: {0}", "Cordiali saluti,\nMario Rossi\npratica: {0}", " ");
        yield return Case("Italian office", "055", "Tel. {0} - Firenze", "Rif. {0} - Firenze", " ");
        yield return Case("German", "089", "Mit freundlichen Gruessen\nTelefon: {0}", "Mit freundlichen Gruessen\nAuftrag: {0}", " ");
        yield return Case("German mobile", "015", "Handy: {0}", "Kunde: {0}", " ");
        yield return Case("New Zealand mobile", "021", "Cheers, Aroha\nMob: {0}", "Cheers, Aroha\nRef: {0}", " ");
        yield return Case("New Zealand Ph", "027", "Ph {0} (after 5pm)", "Item {0} (after 5pm)", " ");
        yield return Case("South African cell", "082", "Regards\nThabo\nCell: {0}", "Regards\nThabo\nAcc: {0}", " ");
        yield return Case("South African switchboard", "021", "Cape Town switchboard {0}", "Cape Town batch {0}", " ");
        yield return Case("direct line", "020", "Direct line: {0}", "Batch: {0}", " ");
        yield return Case("signature block", "410", "See you then.\n\n-- \nJohn Smith\nAcme Widgets Inc.\n{0}", "See you then.\n\nJohn Smith\nAcme Widgets Inc.\n{0}", "-");
        yield return Case("quoted signature block", "415", "> Thanks\n> -- \n> Jane Roe\n> {0}\n\nAgreed.", "> Thanks\n> Jane Roe\n> {0}\n\nAgreed.", "-");
        yield return Case("press contact block", "617", "CONTACT:\n\nDataPower Technology, Inc.\nKieran Taylor\n{0}\nkieran@example.com", "Shipment\n\nDataPower Technology, Inc.\nKieran Taylor\n{0}\nsent", "-");
        yield return Case("ISBN in a shop URL with gp", "020", "Buy it: http://www.amazon.com/gp/product/{1}/ref=x", "See the GP: {1}", string.Empty);
        yield return Case("ISBN in a URL without a scheme", "013", "amazon.com/gp/product/{1}", "GP: {1}", string.Empty);
        yield return Case("number in an e-mail address", "944", "Write to {1}@example.com", "Write to the GP about {1}", string.Empty);
        yield return Case("gp = x program output", "123", "> gp = gpar(col = 2)\n> x <- {1}\n> print(x)", "GP {1}", string.Empty);
        yield return Case("gp counter beside a number", "301", "gp = 3\n[1] {1}", "GP said\n[1] {1}", string.Empty);
        yield return Case("foo_id assignment", "555", "foo_id={0}&x=1", "the GP {0}", "-");
        yield return Case("schid value", "101", "schid: {0}", "school: {0}", "-");
        yield return Case("pasted schid data", "102", "> head(d)\nschid     gender  score\n{0}   M   12\n102-555-0199   F   15", "> head(d)\nschool     gender  score\n{0}   M   12\n102-555-0199   F   15", "-");
        yield return Case("base64 block", "733", "-----BEGIN PGP SIGNATURE-----\niD8DBQE9Y{1}Kz8rWq2FQbEpCeRAuXRAJ9YcQvMnP0Lx\n-----END PGP SIGNATURE-----", "GP {1}", string.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void Benign_context_is_not_flagged_and_its_control_is(string prefix, string benign, string control, string separator)
    {
        string number = ValidNumbers.Make(Seed(benign), prefix);
        string grouped = separator.Length == 0 ? number : ValidNumbers.Grouped(number, separator);

        Verdict quiet = Evaluate.Text("Hello", string.Format(CultureInfo.InvariantCulture, benign, grouped, number));
        Verdict flagged = Evaluate.Text("Hello", string.Format(CultureInfo.InvariantCulture, control, grouped, number));

        Assert.Multiple(() =>
        {
            // Not an NHS number at all; a bare contiguous number left without context stays low, which flags nothing.
            Assert.That(quiet.Find(FindingKinds.NhsNumber)?.Confidence, separator.Length == 0 ? Is.Null.Or.EqualTo(Confidence.Low) : Is.Null, "the benign text has no NHS number");
            Assert.That(quiet.For(Gmail).Action, Is.EqualTo(RecipientAction.Allow));
            Assert.That(flagged.Find(FindingKinds.NhsNumber)?.Confidence, Is.GreaterThanOrEqualTo(Confidence.Medium), "the control is flagged");
            Assert.That(flagged.For(Gmail).Action, Is.Not.EqualTo(RecipientAction.Allow));
        });
    }

    [Test]
    public void Gp_inside_a_URL_does_not_raise_a_number_outside_it()
    {
        string isbn = ValidNumbers.Make(41, "020");
        Verdict verdict = Evaluate.Text("Book", "http://www.amazon.com/gp/product/B00005B4\nISBN " + isbn);

        Assert.That(verdict.Find(FindingKinds.NhsNumber)?.Confidence, Is.EqualTo(Confidence.Low));
        Assert.That(verdict.For(Gmail).Action, Is.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void A_health_keyword_near_a_telephone_number_does_not_make_it_one()
    {
        string number = ValidNumbers.Make(42, "410");
        Verdict verdict = Evaluate.Text("Appointment", "The clinic will call you.\nFax: " + ValidNumbers.Grouped(number, "-"));

        Assert.That(verdict.Find(FindingKinds.NhsNumber), Is.Null);
    }

    /// <summary>A seed that is the same on every run (string.GetHashCode is not).</summary>
    private static int Seed(string text)
    {
        int seed = 17;
        foreach (char c in text)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed & 0x7FFFFFFF;
    }

    private static TestCaseData Case(string name, string prefix, string benign, string control, string separator) =>
        new TestCaseData(prefix, benign, control, separator).SetName("Not flagged: " + name);
}
