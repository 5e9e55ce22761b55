using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.Service.Tests;

/// <summary>Size limits, policy reload with the last good policy kept, and monitor mode.</summary>
[TestFixture]
public sealed class LimitsTests
{
    [Test]
    public async Task A_request_over_the_size_limit_is_refused()
    {
        await using RunningService service = await RunningService.StartAsync(settings: new Dictionary<string, string?> { ["SecureMailGate:MaxRequestMegabytes"] = "1" });
        object big = Messages.Compose(new[] { "friend@gmail.com" }, "Big", new string('x', 2 * 1024 * 1024));

        using HttpRequestMessage request = service.Evaluate(big);
        using HttpResponseMessage response = await service.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Monitor_mode_prompts_nobody()
    {
        await using RunningService service = await RunningService.StartAsync("""{ "mode": "monitor", "inspection": { "isolation": "inproc" } }""");

        (_, JsonElement answer) = await service.EvaluateAsync(Messages.ClinicLetter("01234567890@efaxsend.com"));

        Assert.That(answer.GetProperty("mode").GetString(), Is.EqualTo("monitor"));
        Assert.That(answer.GetProperty("recipients")[0].GetProperty("action").GetString(), Is.EqualTo("block"));
        Assert.That(answer.GetProperty("prompt").GetProperty("action").GetString(), Is.EqualTo("allow"));
    }

    [Test]
    public async Task A_changed_policy_file_applies_and_a_broken_one_never_replaces_the_last_good()
    {
        await using RunningService service = await RunningService.StartAsync("""{ "mode": "monitor", "inspection": { "isolation": "inproc" } }""");
        (_, JsonElement before) = await service.EvaluateAsync(Messages.ClinicLetter("carer@hotmail.co.uk"));

        await File.WriteAllTextAsync(service.PolicyPath, RunningService.EnforcingPolicy);
        File.SetLastWriteTimeUtc(service.PolicyPath, System.DateTime.UtcNow.AddMinutes(1));
        await Task.Delay(5500);
        (_, JsonElement after) = await service.EvaluateAsync(Messages.ClinicLetter("carer@hotmail.co.uk"));

        await File.WriteAllTextAsync(service.PolicyPath, """{ "mdoe": "monitor" }""");
        File.SetLastWriteTimeUtc(service.PolicyPath, System.DateTime.UtcNow.AddMinutes(2));
        await Task.Delay(5500);
        (_, JsonElement broken) = await service.EvaluateAsync(Messages.ClinicLetter("carer@hotmail.co.uk"));

        Assert.That(before.GetProperty("prompt").GetProperty("action").GetString(), Is.EqualTo("allow"));
        Assert.That(after.GetProperty("prompt").GetProperty("action").GetString(), Is.EqualTo("encrypt"));
        Assert.That(broken.GetProperty("mode").GetString(), Is.EqualTo("enforce"), "the last good policy stays in force");
        Assert.That(service.Log.Text, Does.Contain("unknown key 'mdoe'").And.Contain("The last good policy stays in force."));
    }

    [Test]
    public async Task Attachments_are_inspected_in_the_worker_pool_by_default()
    {
        await using RunningService service = await RunningService.StartAsync("""{ "mode": "enforce", "internalDomains": ["ourtrust.nhs.uk"] }""");

        (HttpStatusCode status, JsonElement answer) = await service.EvaluateAsync(Messages.WithAttachment("carer@hotmail.co.uk"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.GetProperty("message").GetProperty("findings")[0].GetProperty("kind").GetString(), Is.EqualTo("nhs-number"));
        Assert.That(answer.GetProperty("prompt").GetProperty("action").GetString(), Is.EqualTo("encrypt"));
    }
}
