using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

[TestFixture]
public sealed class ReplayTests
{
    [Test]
    public void Json_lines_give_one_check_object_per_message_with_its_file()
    {
        (int code, string output, string error) = CliRunner.Run("replay", CliRunner.InRepo("config", "samples"), "--json-lines");
        Assert.That(code, Is.EqualTo(0), error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        foreach (string line in lines)
        {
            JsonElement o = JsonDocument.Parse(line).RootElement;
            Assert.That(o.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "file", "problem", "mode", "policyVersion", "sender", "message", "recipients", "exemptionsUsed" }));
            Assert.That(File.Exists(o.GetProperty("file").GetString()), Is.True);
        }
    }

    [Test]
    public void Summary_counts_by_tier_action_and_reason_and_report_file_is_written()
    {
        string report = Path.Combine(Path.GetTempPath(), "smg-report-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            (int code, string output, _) = CliRunner.Run("replay", CliRunner.InRepo("config", "samples"), "--config", CliRunner.EnforcingPolicy, "--report", report);
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("Replayed 3 message(s): 3 sensitive"));
            Assert.That(output, Does.Contain("prohibited-channel").And.Contain("sensitive-to-insecure"));
            JsonElement summary = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
            Assert.That(summary.GetProperty("messages").GetInt32(), Is.EqualTo(3));
            Assert.That(summary.GetProperty("actions").GetProperty("encrypt").GetInt32(), Is.EqualTo(2));
            Assert.That(summary.GetProperty("actions").GetProperty("block").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("tiers").GetProperty("nhsmail").GetInt32(), Is.EqualTo(2));
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Test]
    public void A_saved_winmail_dat_is_replayed_as_the_message_it_carries()
    {
        string folder = Path.Combine(Path.GetTempPath(), "smg-tnef-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "winmail.dat"), TestMessages.Tnef("Discharge summary NHS number 943 476 5919"));

            (int code, string output, string error) = CliRunner.Run("replay", folder, "--json-lines");
            Assert.That(code, Is.EqualTo(0), error);
            JsonElement message = JsonDocument.Parse(output).RootElement.GetProperty("message");
            Assert.That(message.GetProperty("sensitive").GetBoolean(), Is.True);
            Assert.That(message.GetProperty("findings")[0].GetProperty("kind").GetString(), Is.EqualTo("nhs-number"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_missing_input_is_reported_and_the_rest_still_replayed()
    {
        (int code, string output, string error) = CliRunner.Run("replay", "/nonexistent/folder", CliRunner.InRepo("config", "samples"), "--json-lines");
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain("/nonexistent/folder"));
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
    }

    /// <summary>
    /// Robustness: every file of the shared MimeKit corpus (malformed messages, TNEF, mbox) gets a verdict and
    /// nothing escapes as an exception.
    /// </summary>
    [Test]
    public void Every_message_of_the_shared_corpus_gets_a_verdict()
    {
        string corpus = Path.GetFullPath(Path.Combine(CliRunner.RepositoryRoot, "..", "shared", "corpus", "mimekit"));
        if (!Directory.Exists(corpus))
        {
            Assert.Ignore("The shared corpus is not beside this checkout (" + corpus + ").");
        }

        string[] files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();
        (int code, string output, string error) = CliRunner.Run("replay", corpus, "--json-lines");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(error, Does.Not.Contain("internal error"));
        string[] labels = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()!)
            .ToArray();
        // Every file gets a verdict or is counted as skipped because it is not mail (the corpus's LICENSE, say).
        string[] unevaluated = files.Where(file => !labels.Any(l => l == file || l.StartsWith(file + "#", StringComparison.Ordinal))).ToArray();
        JsonElement summary = JsonDocument.Parse(CliRunner.Run("replay", corpus, "--json").Out).RootElement;
        int skipped = summary.GetProperty("input").GetProperty("skippedFiles").EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.That(unevaluated.Length, Is.EqualTo(skipped), "every file without a verdict was reported as skipped: " + string.Join(", ", unevaluated));
        Assert.That(unevaluated.Select(Path.GetFileName), Does.Contain("LICENSE"));
        Assert.That(unevaluated.Where(f => f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".mbox", StringComparison.Ordinal) || f.EndsWith(".tnef", StringComparison.Ordinal)), Is.Empty, "mail files are never skipped");

        Assert.That(labels.Count(l => l.Contains(".mbox", StringComparison.Ordinal)), Is.GreaterThan(4), "mbox files hold several messages each");

        // Saved winmail.dat files are decoded as the messages they carry, not treated as unreadable MIME; one that
        // MimeKit can get nothing out of because it is damaged (garbage-at-end.tnef) is a damaged-tnef problem.
        JsonElement[] tnef = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(o => o.GetProperty("file").GetString()!.EndsWith(".tnef", StringComparison.Ordinal))
            .ToArray();
        string[] unreadableTnef = tnef
            .Where(o => o.GetProperty("message").GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("location").GetString() == "message"))
            .Where(o => o.GetProperty("problem").GetString() != "damaged-tnef")
            .Select(o => o.GetProperty("file").GetString()!)
            .ToArray();
        Assert.That(unreadableTnef, Is.Empty);
        Assert.That(tnef.Count(o => o.GetProperty("problem").ValueKind == JsonValueKind.Null), Is.GreaterThan(15), "the sound TNEF files are decoded");
    }
}
