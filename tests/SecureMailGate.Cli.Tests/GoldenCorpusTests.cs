using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>
/// Every <c>tests/corpus/*.eml</c> is checked with the enforcing policy beside it (the shipped defaults, in
/// <c>enforce</c> mode, with the sample accredited list) and compared, field by field, with the
/// <c>check --json</c> result stored beside it. A changed decision shows up as a named field, not a diff of text.
/// </summary>
[TestFixture]
public sealed class GoldenCorpusTests
{
    public static IEnumerable<TestCaseData> Messages() =>
        Directory.EnumerateFiles(CorpusFolder(), "*.eml")
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName("Golden_" + Path.GetFileNameWithoutExtension(f)));

    [TestCaseSource(nameof(Messages))]
    public void Check_json_matches_the_expected_result(string name)
    {
        string eml = Path.Combine(CorpusFolder(), name);
        string expectedPath = Path.ChangeExtension(eml, ".json");
        Assert.That(File.Exists(expectedPath), Is.True, "every corpus message needs its expected .json beside it");

        (int code, string output, string error) = CliRunner.Run("check", eml, "--json", "--config", CliRunner.EnforcingPolicy, "--now", "2026-11-25");
        Assert.That(code, Is.EqualTo(0), error);
        using JsonDocument actual = JsonDocument.Parse(output);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        JsonElement a = actual.RootElement;
        JsonElement e = expected.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(Names(a), Is.EqualTo(new[] { "mode", "policyVersion", "sender", "message", "recipients", "exemptionsUsed" }), "top-level shape");
            Assert.That(a.GetProperty("mode").GetString(), Is.EqualTo(e.GetProperty("mode").GetString()), "mode");
            JsonElement am = a.GetProperty("message");
            JsonElement em = e.GetProperty("message");
            Assert.That(Names(am), Is.EqualTo(new[] { "messageId", "sensitive", "findings" }), "message shape");
            Assert.That(am.GetProperty("messageId").ToString(), Is.EqualTo(em.GetProperty("messageId").ToString()), "messageId");
            Assert.That(am.GetProperty("sensitive").GetBoolean(), Is.EqualTo(em.GetProperty("sensitive").GetBoolean()), "sensitive");
            Assert.That(Findings(am), Is.EquivalentTo(Findings(em)), "findings (kind, location, confidence)");
            JsonElement[] ar = a.GetProperty("recipients").EnumerateArray().ToArray();
            JsonElement[] er = e.GetProperty("recipients").EnumerateArray().ToArray();
            Assert.That(ar.Select(r => r.GetProperty("address").GetString()), Is.EqualTo(er.Select(r => r.GetProperty("address").GetString())), "recipients in envelope order");
            for (int i = 0; i < System.Math.Min(ar.Length, er.Length); i++)
            {
                string who = er[i].GetProperty("address").GetString()!;
                Assert.That(Names(ar[i]), Is.EqualTo(new[] { "address", "tier", "action", "reasons" }), who + " shape");
                Assert.That(ar[i].GetProperty("tier").GetString(), Is.EqualTo(er[i].GetProperty("tier").GetString()), who + " tier");
                Assert.That(ar[i].GetProperty("action").GetString(), Is.EqualTo(er[i].GetProperty("action").GetString()), who + " action");
                Assert.That(Strings(ar[i].GetProperty("reasons")), Is.EqualTo(Strings(er[i].GetProperty("reasons"))), who + " reasons");
            }
        });
    }

    private static string CorpusFolder() => CliRunner.InRepo("tests", "corpus");

    private static string[] Names(JsonElement o) => o.EnumerateObject().Select(p => p.Name).ToArray();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static string[] Findings(JsonElement message) => message.GetProperty("findings").EnumerateArray()
        .Select(f => $"{f.GetProperty("kind").GetString()} @ {f.GetProperty("location").GetString()} ({f.GetProperty("confidence").GetString()})")
        .ToArray();
}
