using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>
/// Findings say which attachment (by position, never by name) and, when it could not be inspected, why: what an
/// administrator reads in the audit line and the CLI.
/// </summary>
[TestFixture]
public sealed class LocationAndReasonTests
{
    private static readonly byte[] PatientText = Encoding.UTF8.GetBytes("Patient: J Bloggs\nNHS number 943 476 5919\n");

    [Test]
    public void An_identifier_in_a_file_name_never_reaches_the_finding_location()
    {
        MimeKit.MimeMessage message = Gate.Message(
            "See attached.",
            ("Scan NHS 4010232137.pdf", AttachmentFixtures.Pdf("nothing to see")),
            ("Evans Margaret 943 476 5919 discharge.txt", PatientText));

        Verdict verdict = Gate.Evaluate(message);

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:2.txt")?.Confidence, Is.EqualTo(Confidence.High));
        Assert.That(verdict.Findings.Select(f => f.Location), Has.None.Contains("Evans").And.None.Contains("943").And.None.Contains("4010232137"));
    }

    [Test]
    public void Entries_of_an_archive_are_numbered_within_it()
    {
        byte[] zip = AttachmentFixtures.Zip(("readme 4010232137.txt", Encoding.UTF8.GetBytes("nothing")), ("J Bloggs.txt", PatientText));

        Verdict verdict = Gate.Evaluate(Gate.Message("See attached.", ("cover.txt", Encoding.UTF8.GetBytes("cover")), ("records.zip", zip)));

        Assert.That(verdict.Find(FindingKinds.NhsNumber, "attachment:2.zip/2.txt"), Is.Not.Null);
        Assert.That(verdict.Findings.Select(f => f.Location), Has.None.Contains("Bloggs"));
    }

    [Test]
    public void A_damaged_document_says_it_is_damaged()
    {
        byte[] docx = AttachmentFixtures.Docx(new[] { "Patient 943 476 5919" });

        Verdict verdict = Gate.Attach("letter.docx", docx.Take(docx.Length / 2).ToArray());

        Finding? unreadable = verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.docx");
        Assert.That(unreadable?.Reason, Is.EqualTo(FindingReasons.Damaged));
        Assert.That(verdict.Decisions.Single().Action, Is.Not.EqualTo(RecipientAction.Allow));
    }

    [Test]
    public void A_scan_with_no_text_layer_says_there_was_no_text()
    {
        Verdict verdict = Gate.Attach("scan.pdf", AttachmentFixtures.Pdf(null));

        Assert.That(verdict.Find(FindingKinds.UnreadableAttachment, "attachment:1.pdf")?.Reason, Is.EqualTo(FindingReasons.NoText));
    }

    [Test]
    public void A_limit_is_located_at_the_attachment_that_reached_it_and_names_the_limit()
    {
        byte[] bomb = AttachmentFixtures.ZeroBomb("zeros.txt", 200L * 1024 * 1024);

        Verdict verdict = Gate.Evaluate(Gate.Message("See attached.", ("cover.txt", Encoding.UTF8.GetBytes("cover")), ("bomb.zip", bomb)));

        Finding? limit = verdict.FindKind(FindingKinds.InspectionLimit);
        Assert.That(limit, Is.Not.Null);
        Assert.That(limit!.Location, Does.StartWith("attachment:2.zip"));
        Assert.That(limit.Reason, Is.EqualTo(FindingReasons.ExpansionRatio));
    }

    [Test]
    public void Archives_nested_too_deep_name_the_depth_limit()
    {
        byte[] inner = AttachmentFixtures.Zip(("notes.txt", PatientText));
        for (int i = 0; i < 12; i++)
        {
            inner = AttachmentFixtures.Zip(("level.zip", inner));
        }

        Verdict verdict = Gate.Attach("nested.zip", inner);

        Assert.That(verdict.FindKind(FindingKinds.InspectionLimit)?.Reason, Is.EqualTo(FindingReasons.TooDeep));
    }

    [TestCase("letter.PDF", "pdf")]
    [TestCase("archive.tar.gz", "gz")]
    [TestCase("Scan NHS.4010232137", "")]
    [TestCase("report.verylongext", "")]
    [TestCase("no extension", "")]
    [TestCase("odd.p df", "")]
    [TestCase("trailing.", "")]
    public void Only_short_plain_extensions_reach_a_location(string name, string expected) =>
        Assert.That(InspectionSession.ExtensionOf(name), Is.EqualTo(expected));

    [Test]
    public void The_reason_is_written_to_json_only_when_there_is_one()
    {
        var findings = new[]
        {
            new Finding(FindingKinds.NhsNumber, "body", Confidence.High),
            new Finding(FindingKinds.InspectionLimit, "attachment:1.zip", Confidence.High, FindingReasons.TimeBudget),
        };
        using var buffer = new System.IO.MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            VerdictJsonWriter.WriteFindings(json, findings);
            json.WriteEndObject();
        }

        using var document = System.Text.Json.JsonDocument.Parse(buffer.ToArray());
        var written = document.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.That(written[0].TryGetProperty("reason", out _), Is.False);
        Assert.That(written[1].GetProperty("reason").GetString(), Is.EqualTo("time-budget"));
    }
}
