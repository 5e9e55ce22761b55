using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>What the service answers for each kind of message: the check --json verdict plus the sender's prompt.</summary>
[TestFixture]
public sealed class EvaluateTests
{
    private RunningService _service = null!;

    [OneTimeSetUp]
    public async Task Start() => _service = await RunningService.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _service.DisposeAsync();

    [Test]
    public async Task An_nhs_number_to_gmail_is_encrypted_with_the_token_in_front_of_the_subject()
    {
        (HttpStatusCode status, JsonElement answer) = await _service.EvaluateAsync(Messages.ClinicLetter("jane.patient1984@gmail.com", "ward7@ourtrust.nhs.uk"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.GetProperty("mode").GetString(), Is.EqualTo("enforce"));
        Assert.That(answer.GetProperty("message").GetProperty("sensitive").GetBoolean(), Is.True);
        JsonElement finding = answer.GetProperty("message").GetProperty("findings")[0];
        Assert.That((finding.GetProperty("kind").GetString(), finding.GetProperty("location").GetString()), Is.EqualTo(("nhs-number", "body")));
        JsonElement[] recipients = answer.GetProperty("recipients").EnumerateArray().ToArray();
        Assert.That(recipients.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "encrypt", "allow" }));
        Assert.That(recipients[0].GetProperty("reasons")[0].GetString(), Is.EqualTo("sensitive-to-insecure"));

        JsonElement prompt = answer.GetProperty("prompt");
        Assert.That(prompt.GetProperty("action").GetString(), Is.EqualTo("encrypt"));
        Assert.That(prompt.GetProperty("subject").GetString(), Is.EqualTo("[secure] Clinic letter"));
        Assert.That(prompt.GetProperty("message").GetString(), Is.EqualTo(
            "[secure] has been added to the subject because this message appears to contain an NHS number in the body, "
            + "and jane.patient1984@gmail.com is not a secure address, so it must go encrypted: select Send again to send it."));
    }

    [Test]
    public async Task Sending_again_with_the_token_is_allowed()
    {
        object again = Messages.Compose(new[] { "jane.patient1984@gmail.com" }, "[secure] Clinic letter", $"<p>Discharge summary, NHS number {Messages.NhsNumber}.</p>");

        (HttpStatusCode status, JsonElement answer) = await _service.EvaluateAsync(again);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.GetProperty("prompt").GetProperty("action").GetString(), Is.EqualTo("allow"));
        Assert.That(answer.GetProperty("recipients")[0].GetProperty("reasons")[0].GetString(), Is.EqualTo("sender-requested-encryption"));
    }

    [Test]
    public async Task A_fax_gateway_is_blocked_in_the_words_of_the_gateways_bounce()
    {
        (_, JsonElement answer) = await _service.EvaluateAsync(Messages.ClinicLetter("01234567890@efaxsend.com"));

        JsonElement prompt = answer.GetProperty("prompt");
        Assert.That(prompt.GetProperty("action").GetString(), Is.EqualTo("block"));
        var decision = new RecipientDecision("01234567890@efaxsend.com", "efaxsend.com", RecipientTier.ProhibitedChannel, RecipientAction.Block, new[] { "sensitive-to-prohibited-channel" });
        Assert.That(prompt.GetProperty("message").GetString(), Is.EqualTo(BlockNotice.ExplainAsParagraph(decision, new EncryptionOptions())));
        Assert.That(prompt.GetProperty("message").GetString(), Does.Contain("e-mail-to-fax").And.Contain("What to do:"));
    }

    [Test]
    public async Task Every_blocked_recipient_is_explained_in_the_details_and_the_dialog_stays_within_500_characters()
    {
        (_, JsonElement answer) = await _service.EvaluateAsync(Messages.ClinicLetter("01234567890@efaxsend.com", "colleague@old.gsi.gov.uk", "x@rcfax.com"));

        JsonElement prompt = answer.GetProperty("prompt");
        string details = prompt.GetProperty("details").GetString()!;
        Assert.That(details, Does.Contain("Your message was not delivered to 01234567890@efaxsend.com.")
            .And.Contain("Your message was not delivered to colleague@old.gsi.gov.uk.")
            .And.Contain("Your message was not delivered to x@rcfax.com."));
        Assert.That(prompt.GetProperty("message").GetString()!.Length, Is.LessThanOrEqualTo(500));
    }

    [Test]
    public async Task Block_beats_encrypt_when_both_apply()
    {
        (_, JsonElement answer) = await _service.EvaluateAsync(Messages.ClinicLetter("jane.patient1984@gmail.com", "01234567890@efaxsend.com"));

        Assert.That(answer.GetProperty("prompt").GetProperty("action").GetString(), Is.EqualTo("block"));
    }

    [Test]
    public async Task A_retired_domain_is_a_warning_the_sender_may_send_anyway()
    {
        (_, JsonElement answer) = await _service.EvaluateAsync(Messages.Lunch("old.colleague@gsi.gov.uk"));

        JsonElement prompt = answer.GetProperty("prompt");
        Assert.That(prompt.GetProperty("action").GetString(), Is.EqualTo("warn"));
        string message = prompt.GetProperty("message").GetString()!;
        Assert.That(message, Does.StartWith("Please check before you send. To old.colleague@gsi.gov.uk: gsi.gov.uk has been switched off"));
        Assert.That(message, Does.Contain("What to do: ask the recipient for their current e-mail address").And.Contain("retired-domain"));
        Assert.That(message, Does.Not.Contain("was delivered, but").And.Not.Contain("Lunch"));
        Assert.That(message, Does.EndWith("\nSelect Send Anyway to send it as it is, or Don't Send to change it."));
    }

    [Test]
    public async Task Nothing_sensitive_to_anyone_is_allowed_with_no_words()
    {
        (_, JsonElement answer) = await _service.EvaluateAsync(Messages.Lunch("friend@gmail.com"));

        JsonElement prompt = answer.GetProperty("prompt");
        Assert.That(prompt.GetProperty("action").GetString(), Is.EqualTo("allow"));
        Assert.That(prompt.GetProperty("message").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task An_attachment_is_inspected_and_named_by_position_never_by_its_file_name()
    {
        (_, JsonElement answer) = await _service.EvaluateAsync(Messages.WithAttachment("carer@hotmail.co.uk"));

        JsonElement prompt = answer.GetProperty("prompt");
        Assert.That(prompt.GetProperty("action").GetString(), Is.EqualTo("encrypt"));
        string message = prompt.GetProperty("message").GetString()!;
        Assert.That(message, Does.Contain("appears to contain an NHS number in attachment 1, and carer@hotmail.co.uk"));
        Assert.That(message + prompt.GetProperty("details").GetString(), Does.Not.Contain("jane-doe"));
    }

    [Test]
    public async Task A_whole_mime_message_can_be_evaluated_too()
    {
        string mime = "From: priya.shah@ourtrust.nhs.uk\r\nTo: carer@hotmail.co.uk\r\nSubject: Discharge\r\n\r\n"
            + $"Discharge summary, NHS number {Messages.NhsNumber}.\r\n";
        using HttpRequestMessage request = _service.Evaluate(new { });
        request.Content = new StringContent(mime, Encoding.UTF8, "message/rfc822");

        using HttpResponseMessage response = await _service.Client.SendAsync(request);
        JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.GetProperty("prompt").GetProperty("subject").GetString(), Is.EqualTo("[secure] Discharge"));
    }

    [Test]
    public async Task No_log_line_holds_the_identifier_the_subject_or_an_attachment_name()
    {
        await _service.EvaluateAsync(Messages.WithAttachment("carer@hotmail.co.uk"));
        await _service.EvaluateAsync(Messages.ClinicLetter("01234567890@efaxsend.com"));

        string log = _service.Log.Text;
        Assert.That(log, Does.Contain("Evaluated a message for 1 recipient(s)"));
        Assert.That(log, Does.Not.Contain("9434765919").And.Not.Contain(Messages.NhsNumber).And.Not.Contain("jane-doe").And.Not.Contain("Referral").And.Not.Contain("efaxsend"));
    }

    [Test]
    public async Task A_request_with_no_recipient_is_refused_with_what_to_send()
    {
        (HttpStatusCode status, JsonElement answer) = await _service.EvaluateAsync(Messages.Lunch());

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.GetProperty("detail").GetString(), Does.Contain("give at least one address in to, cc or bcc"));
    }

    [Test]
    public async Task Broken_json_is_refused_not_crashed_on()
    {
        using HttpRequestMessage request = _service.Evaluate(new { });
        request.Content = new StringContent("{\"to\": [", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await _service.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        (HttpStatusCode after, _) = await _service.EvaluateAsync(Messages.Lunch("friend@gmail.com"));
        Assert.That(after, Is.EqualTo(HttpStatusCode.OK), "the service goes on answering");
    }
}
