using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MimeKit;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>
/// The attachment messages of the golden corpus (<c>tests/corpus/attachment-*.eml</c>): each is evaluated as
/// <c>securemailgate check --json</c> would (sender from From, recipients from To and Cc, default policy) and compared
/// with the <c>.json</c> beside it. <see cref="WriteCorpus"/> regenerates them (explicit, never in CI).
/// </summary>
[TestFixture]
public sealed class AttachmentCorpusTests
{
    private static string CorpusDir
    {
        get
        {
            DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SecureMailGate.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? ".", "tests", "corpus");
        }
    }

    private static IEnumerable<string> Messages() =>
        Directory.Exists(CorpusDir) ? Directory.GetFiles(CorpusDir, "attachment-*.eml").OrderBy(f => f, StringComparer.Ordinal).Select(f => Path.GetFileName(f)) : Array.Empty<string>();

    [Test]
    public void CorpusHasAttachmentMessages() => Assert.That(Messages().Count(), Is.GreaterThanOrEqualTo(3));

    [TestCaseSource(nameof(Messages))]
    public void MessageMatchesExpectedJson(string file)
    {
        string eml = Path.Combine(CorpusDir, file);
        JsonNode expected = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json")))!;

        JsonNode actual = Check(File.ReadAllBytes(eml));

        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, actual.ToJsonString());
        Assert.That(new FileInfo(eml).Length, Is.LessThan(200 * 1024));
    }

    [Test]
    [Explicit("Regenerates tests/corpus/attachment-*.eml and .json")]
    public void WriteCorpus()
    {
        Directory.CreateDirectory(CorpusDir);
        Write("attachment-letter-docx-to-gmail", "Clinic letter", new[] { "a@gmail.com" }, Array.Empty<string>(), "Letter attached.",
            ("letter.docx", AttachmentFixtures.Docx(new[] { "Dear Dr Patel," }, new[] { "Re: your patient Ms A Example, NHS number ", "943 476", " 5919", ", DOB 01/02/1960." })));
        var rows = new List<string[]> { new[] { "Surname", "Forename", "NHS Number", "Clinic date" } };
        for (int i = 1; i < 500; i++)
        {
            rows.Add(new[] { "Surname" + i, "Forename" + i, "#" + (4_000_000_000L + (i * 7919L)), "#" + (45_000 + (i % 30)) });
        }

        rows.Add(new[] { "Example", "Alex", "#9434765919", "#45031" });
        Write("attachment-patient-list-xlsx-to-nhsmail-and-gmail", "Clinic list", new[] { "gp@nhs.net" }, new[] { "b@gmail.com" }, "Today's list.",
            ("clinic-list.xlsx", AttachmentFixtures.Xlsx(("List", rows))));
        Write("attachment-encrypted-zip-to-cjsm", "Records as requested", new[] { "officer@cjsm.net" }, Array.Empty<string>(), "Password to follow by phone.",
            ("records.zip", AttachmentFixtures.MarkEncrypted(AttachmentFixtures.Zip(("records.csv", Encoding.UTF8.GetBytes("NHS Number\r\n9434765919\r\n"))))));
        Write("attachment-referral-pdf-in-zip-to-hotmail", "Referral", new[] { "c@hotmail.com" }, Array.Empty<string>(), "Referral attached.",
            ("referral.zip", AttachmentFixtures.Zip(("referral.pdf", AttachmentFixtures.Pdf("Referral: patient NHS number 943 476 5919, discharge planned.")))));
    }

    private static void Write(string name, string subject, string[] to, string[] cc, string body, params (string Name, byte[] Content)[] attachments)
    {
        MimeMessage message = Gate.Message(body, attachments);
        message.To.Clear();
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.Cc.AddRange(cc.Select(MailboxAddress.Parse));
        message.Subject = subject;
        message.MessageId = name + "@ourtrust.nhs.uk";
        message.Date = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        using var ms = new MemoryStream();
        message.WriteTo(ms);
        File.WriteAllBytes(Path.Combine(CorpusDir, name + ".eml"), ms.ToArray());
        File.WriteAllText(Path.Combine(CorpusDir, name + ".json"), Check(ms.ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    /// <summary>The <c>check --json</c> object for a message under the default policy.</summary>
    private static JsonNode Check(byte[] mime)
    {
        using var parse = new MemoryStream(mime);
        using MimeMessage message = MimeMessage.Load(parse);
        string sender = message.From.Mailboxes.First().Address;
        string[] recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToArray();
        using var stream = new MemoryStream(mime);
        Verdict verdict = new SecureMailGateEngine(PolicyOptions.Default, TimeProvider.System).Evaluate(new MessageEnvelope(sender, recipients, stream));
        return new JsonObject
        {
            ["mode"] = verdict.Mode == PolicyMode.Monitor ? "monitor" : "enforce",
            ["message"] = new JsonObject
            {
                ["messageId"] = verdict.MessageId,
                ["sensitive"] = verdict.Sensitive,
                ["findings"] = new JsonArray(verdict.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["kind"] = f.Kind,
                    ["location"] = f.Location,
                    ["confidence"] = f.Confidence.ToString().ToLowerInvariant(),
                }).ToArray()),
            },
            ["recipients"] = new JsonArray(verdict.Decisions.Select(d => (JsonNode)new JsonObject
            {
                ["address"] = d.Address,
                ["tier"] = d.Tier.ToWireName(),
                ["action"] = d.Action.ToString().ToLowerInvariant(),
                ["reasons"] = new JsonArray(d.Reasons.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
            }).ToArray()),
        };
    }
}
