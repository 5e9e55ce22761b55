using System.Linq;
using NUnit.Framework;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange.Tests;

/// <summary>The agent words its reports and notices with the policy's notice settings, not fixed text.</summary>
[TestFixture]
public sealed class NoticeWordingTests
{
    private const string Gmail = "patient.relative@gmail.com";
    private const string Nhsmail = "gp.surgery@nhs.net";

    private static readonly NoticeSettings Ourtown = NoticeSettings.Default with
    {
        SenderName = "Ourtown Information Governance",
        ServiceDesk = "the Ourtown IT service desk on 01632 960000",
        HelpLink = "https://intranet.ourtown.example/secure-email",
    };

    [Test]
    public void The_report_names_the_organisation_s_service_desk_and_help_page()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { Notices = Ourtown });
        harness.Actions[Gmail] = RecipientAction.Block;
        var item = Messages.Item(Gmail, Nhsmail);

        harness.Resolve(item);

        var lines = item.RecipientList.Removed.Single().Response.StatusText;
        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("If you are unsure what to do, contact the Ourtown IT service desk on 01632 960000."));
            Assert.That(lines, Does.Contain("Help: https://intranet.ourtown.example/secure-email"));
            Assert.That(lines.Last(), Is.EqualTo("Reason code for the service desk: nhs-number-in-subject."));
        });
    }

    [Test]
    public void The_warning_notice_comes_from_the_configured_sender_name()
    {
        var harness = new AgentHarness(PolicyOptions.Default with { Notices = Ourtown });
        harness.Actions[Gmail] = RecipientAction.Warn;
        var item = Messages.Item(Gmail);

        harness.Resolve(item);

        var notice = MessageText.Parse(harness.SubmittedNotices.Single());
        Assert.Multiple(() =>
        {
            Assert.That(notice.From.Mailboxes.Single().Name, Is.EqualTo("Ourtown Information Governance"));
            Assert.That(notice.From.Mailboxes.Single().Address, Is.EqualTo("postmaster@ourtrust.nhs.uk"));
            Assert.That(notice.TextBody, Does.Contain("contact the Ourtown IT service desk on 01632 960000").And.Contain("Help: https://intranet.ourtown.example/secure-email"));
        });
    }
}
