using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using Moq;
using NUnit.Framework;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Exchange.Tests.Fakes;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// POLICY §5 and the README promise that no trace carries an identifier. The agent, with the real engine and the
/// shipped configuration and templates (enforcing, unmarked sensitive mail to secure routes warned so a notice is
/// sent), gets messages with identifiers planted everywhere a sender can put them: the subject, the body, display
/// names, an attachment's name and content. Nothing the agent writes (each non-delivery report line, every part and
/// header of the warning notice, every audit and log line) may carry any of them, in any spelling.
/// </summary>
[TestFixture]
public sealed class IdentifierLeakTests
{
    // Valid (modulus 11) NHS numbers and well-formed NI numbers, each planted in one place only.
    private const string NhsInSubject = "943 476 5919";
    private const string NhsInBody = "401 023 2137";
    private const string NhsInDisplayName = "485 777 3457";
    private const string NhsInAttachmentName = "9876543210";
    private const string NhsInAttachment = "450 557 4474";
    private const string NiInSubject = "AB 12 34 56 C";
    private const string NiInBody = "CE123456A";
    private const string NiInDisplayName = "JG 10 37 21 B";

    private static readonly string[] Planted =
    {
        NhsInSubject, NhsInBody, NhsInDisplayName, NhsInAttachmentName, NhsInAttachment, NiInSubject, NiInBody, NiInDisplayName,
    };

    private const string Nhsmail = "gp.surgery@nhs.net";
    private const string Gmail = "patient.relative@gmail.com";
    private const string Fax = "01632960000@efaxsend.com";
    private const string Retired = "old.office@gsi.gov.uk";

    private string folder = null!;
    private TestLog log = null!;
    private List<byte[]> notices = null!;
    private SecureMailGateAgent agent = null!;

    [SetUp]
    public void SetUp()
    {
        // The shipped configuration beside the shipped templates, enforcing and warning unmarked sensitive mail.
        folder = Path.Combine(Path.GetTempPath(), "smg-leak-" + Guid.NewGuid().ToString("N"));
        var root = Deploy.RepositoryPaths.Root;
        Directory.CreateDirectory(Path.Combine(folder, "notices", "en"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "config", "notices", "en")))
        {
            File.Copy(file, Path.Combine(folder, "notices", "en", Path.GetFileName(file)));
        }

        var config = File.ReadAllText(Path.Combine(root, "config", "securemailgate.json"))
            .Replace("\"mode\": \"monitor\"", "\"mode\": \"enforce\"", StringComparison.Ordinal)
            .Replace("\"warnUnmarkedSensitive\": false", "\"warnUnmarkedSensitive\": true", StringComparison.Ordinal);
        Assert.That(config, Does.Contain("\"mode\": \"enforce\"").And.Contain("warnUnmarkedSensitive\": true"), "the shipped configuration could be switched to enforce");
        File.WriteAllText(Path.Combine(folder, "securemailgate.json"), config);

        log = new TestLog();
        notices = new List<byte[]>();
        var submitter = new Mock<INoticeSubmitter>();
        submitter.Setup(n => n.Submit(It.IsAny<byte[]>())).Callback((byte[] mime) => notices.Add(mime));
        var monitor = new PolicyMonitor(Path.Combine(folder, "securemailgate.json"), PolicyConfigurationLoader.LoadFile, options => new CoreEngine(options, TimeProvider.System), log.Agent, audit: log.Audit);
        var processor = new MessageProcessor(() => monitor.Current, submitter.Object, log.Agent, log.Audit, TimeProvider.System);
        var context = new Mock<Microsoft.Exchange.Data.Transport.AgentAsyncContext>();
        agent = new SecureMailGateAgent(processor, log.Agent, () => context.Object, work => work());
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void No_planted_identifier_reaches_a_report_the_notice_the_audit_trail_or_the_log()
    {
        // One message warns (NI number in the subject does not block), one blocks everyone (NHS number in the subject).
        var warned = Item("Re: PIP claim for Mr Jones NI " + NiInSubject, Nhsmail, Gmail, Fax, Retired);
        var blocked = Item("Results for " + NhsInSubject, Nhsmail, Gmail, Fax, Retired);

        agent.HandleResolvedMessage(new FakeResolvedSource(warned), new FakeEventArgs(warned));
        agent.HandleResolvedMessage(new FakeResolvedSource(blocked), new FakeEventArgs(blocked));

        var reports = warned.RecipientList.Removed.Concat(blocked.RecipientList.Removed).ToList();
        var traces = new List<(string Where, string Text)>();
        traces.AddRange(reports.SelectMany(r => r.Response.StatusText.Select(l => ("report to " + r.Address, l)).Append(("report explanation to " + r.Address, r.Response.DsnExplanation ?? string.Empty))));
        traces.AddRange(notices.SelectMany(NoticeTexts).Select(t => ("warning notice", t)));
        traces.AddRange(log.Lines.Select(l => ("log", l)));

        Assert.That(log.Lines, Has.None.StartsWith("Error"), string.Join("\n", log.Lines));
        Assert.Multiple(() =>
        {
            // The traces exist and say what they should, so the search below has something to search.
            Assert.That(reports.Select(r => r.Address), Is.EquivalentTo(new[] { Fax, Retired, Nhsmail, Gmail, Fax, Retired }));
            Assert.That(notices, Has.Count.EqualTo(1));
            Assert.That(log.Lines.Count(l => l.Contains("|SecureMailGate.Audit|", StringComparison.Ordinal) && l.Contains("\"messageId\"", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(log.Lines, Has.Some.Contains("\"nhs-number\"").And.Some.Contains("\"ni-number\""));
            foreach (var (where, text) in traces)
            {
                var squashed = Squash(text);
                foreach (var identifier in Planted)
                {
                    Assert.That(squashed, Does.Not.Contain(Squash(identifier)), $"{where} carries {identifier}: {text}");
                }
            }
        });
    }

    private static FakeMailItem Item(string subject, params string[] recipients)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane Doctor re " + NhsInDisplayName, "jane.doctor@ourtrust.nhs.uk"));
        foreach (var recipient in recipients)
        {
            message.To.Add(new MailboxAddress("Mr Jones NI " + NiInDisplayName, recipient));
        }

        message.Subject = subject;
        message.MessageId = Guid.NewGuid().ToString("N") + "@ourtrust.nhs.uk";
        var body = new BodyBuilder { TextBody = $"Discharge summary. Patient NHS number {NhsInBody}, national insurance number {NiInBody}." };
        body.Attachments.Add($"Evans Margaret {NhsInAttachmentName} discharge.txt", Encoding.UTF8.GetBytes($"Clinic letter. NHS number {NhsInAttachment}."), new ContentType("text", "plain"));
        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        var mime = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        return Messages.Item(recipients, mime);
    }

    // The notice as sent (raw, so no encoding hides anything) and decoded: every header value and every part's text.
    private static IEnumerable<string> NoticeTexts(byte[] mime)
    {
        yield return Encoding.UTF8.GetString(mime);
        var message = MessageText.Parse(mime);
        foreach (var header in message.Headers)
        {
            yield return header.Field + ": " + header.Value;
        }

        foreach (var part in message.BodyParts)
        {
            foreach (var header in part.Headers)
            {
                yield return header.Field + ": " + header.Value;
            }

            if (part is TextPart text)
            {
                yield return text.Text;
            }
        }
    }

    // Letters and digits only, upper case: a planted identifier is found whatever spacing or hyphens it was given.
    private static string Squash(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
