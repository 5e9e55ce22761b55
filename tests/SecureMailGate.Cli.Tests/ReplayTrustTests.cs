using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>Replay numbers an administrator can trust: only mail counted, every message of an mbox evaluated, every problem said.</summary>
[TestFixture]
public sealed class ReplayTrustTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smg-trust-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Message(int n, string body) =>
        $"From: clinic@ourtrust.nhs.uk\nTo: carer{n}@gmail.com\nSubject: Message {n}\nDate: Tue, {20 + n} Nov 2026 10:00:00 +0000\n" +
        $"Message-ID: <m{n}@ourtrust.nhs.uk>\n\n{body}\n";

    private static string Separator(int n) => $"From clinic@ourtrust.nhs.uk Tue Nov {20 + n} 10:00:00 2026\n";

    // Five messages; the second has an unescaped body line starting "From " after a blank line (the case that made
    // the old reader stop), the third an escaped ">From " line.
    private static string Mbox() =>
        Separator(1) + Message(1, "Hello.") + "\n" +
        Separator(2) + Message(2, "Thanks.\n\nFrom the ward: the patient, NHS number 943 476 5919, went home.\nRegards") + "\n" +
        Separator(3) + Message(3, ">From here on it is fine.") + "\n" +
        Separator(4) + Message(4, "Fourth.") + "\n" +
        Separator(5) + Message(5, "Fifth.");

    private string Write(string name, string text, bool byteOrderMark = false)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(byteOrderMark));
        return path;
    }

    private static JsonElement[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Test]
    public void An_mbox_with_an_unescaped_From_line_has_every_message_evaluated()
    {
        string mbox = Write("archive.mbox", Mbox());
        (int code, string output, string error) = CliRunner.Run("replay", mbox, "--json-lines");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement[] lines = Lines(output);
        Assert.That(lines.Select(l => l.GetProperty("message").GetProperty("messageId").GetString()),
            Is.EqualTo(Enumerable.Range(1, 5).Select(n => $"<m{n}@ourtrust.nhs.uk>")));
        Assert.That(lines[1].GetProperty("message").GetProperty("sensitive").GetBoolean(), Is.True, "the line after the unescaped From is still part of message 2");
        Assert.That(lines.Select(l => l.GetProperty("problem").ValueKind), Is.All.EqualTo(JsonValueKind.Null));

        (_, string summary, _) = CliRunner.Run("replay", mbox);
        Assert.That(summary, Does.Contain("Replayed 5 message(s)").And.Contain("1 unescaped 'From ' line(s)"));
    }

    [Test]
    public void An_mbox_with_crlf_line_ends_is_split_the_same_way()
    {
        string mbox = Write("crlf.mbox", Mbox().Replace("\n", "\r\n", StringComparison.Ordinal));
        (int code, string output, string error) = CliRunner.Run("replay", mbox, "--json");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement summary = JsonDocument.Parse(output).RootElement;
        Assert.That(summary.GetProperty("messages").GetInt32(), Is.EqualTo(5));
        Assert.That(summary.GetProperty("sensitive").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("input").GetProperty("bodyFromLines").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void An_mbox_that_begins_with_a_byte_order_mark_is_read_as_its_messages()
    {
        string mbox = Write("bom.mbox", Mbox(), byteOrderMark: true);
        string eml = Write("bom.eml", Message(9, "One message with a BOM."), byteOrderMark: true);
        (int code, string output, string error) = CliRunner.Run("replay", mbox, eml, "--json-lines");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement[] lines = Lines(output);
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines.Last().GetProperty("message").GetProperty("messageId").GetString(), Is.EqualTo("<m9@ourtrust.nhs.uk>"));
    }

    [Test]
    public void Files_that_are_not_mail_are_skipped_and_counted_by_reason()
    {
        Write("archive.mbox", Mbox());
        Write("one.eml", Message(7, "Hello"));
        Write("LICENSE", "MIT License\n\nCopyright (c) 2026\n");
        Write("export.json", "{\"messages\": 3}\n");
        Write("empty.eml", string.Empty);
        File.WriteAllBytes(Path.Combine(_folder, "scan.png"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 });
        Write(".hidden.eml", Message(8, "hidden"));
        File.WriteAllBytes(Path.Combine(_folder, "winmail.dat"), TestMessages.Tnef("Discharge summary NHS number 943 476 5919"));

        (int code, string output, string error) = CliRunner.Run("replay", _folder, "--json");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement summary = JsonDocument.Parse(output).RootElement;
        Assert.That(summary.GetProperty("messages").GetInt32(), Is.EqualTo(7), "5 in the mbox, one .eml, one winmail.dat; nothing else");
        JsonElement skipped = summary.GetProperty("input").GetProperty("skippedFiles");
        Assert.That(skipped.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), Is.EquivalentTo(new System.Collections.Generic.Dictionary<string, int>
        {
            ["no e-mail headers (From, To, Subject, Date...)"] = 2,
            ["empty file"] = 1,
            ["binary file, not e-mail"] = 1,
            ["hidden file"] = 1,
        }));

        (_, string table, _) = CliRunner.Run("replay", _folder);
        Assert.That(table, Does.Contain("Replayed 7 message(s)").And.Contain("Skipped 5 file(s) that are not e-mail"));
    }

    [Test]
    public void A_message_that_cannot_be_parsed_is_a_problem_and_reading_carries_on()
    {
        // The first message of the file has a header block MimeKit cannot parse; the second is fine.
        string mbox = Write("gap.mbox", Separator(1) + ":\n\nbody\n\n" + Separator(3) + Message(3, "three"));
        (int code, string output, string error) = CliRunner.Run("replay", mbox, "--json-lines");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement[] lines = Lines(output);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0].GetProperty("problem").GetString(), Is.EqualTo("unparseable-message"));
        Assert.That(lines[0].GetProperty("message").GetProperty("sensitive").GetBoolean(), Is.True, "what cannot be read counts as sensitive");
        Assert.That(lines[1].GetProperty("message").GetProperty("messageId").GetString(), Is.EqualTo("<m3@ourtrust.nhs.uk>"), "the message after the bad one is read");

        string report = Path.Combine(_folder, "r.json");
        (_, string table, _) = CliRunner.Run("replay", mbox, "--report", report);
        JsonElement summary = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        JsonElement[] problems = summary.GetProperty("problems").EnumerateArray().ToArray();
        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems[0].GetProperty("file").GetString(), Does.StartWith(mbox + "#"));
        Assert.That(problems[0].GetProperty("problem").GetString(), Is.EqualTo("unparseable-message"));
        Assert.That(table, Does.Contain("Problem: " + mbox + "#"));
    }

    [Test]
    public void A_damaged_winmail_dat_is_a_problem_counted_as_sensitive_not_an_inspection_limit()
    {
        string dat = Path.Combine(_folder, "winmail.dat");
        File.WriteAllBytes(dat, TestMessages.Tnef("x").Take(9).ToArray());
        (int code, string output, string error) = CliRunner.Run("replay", dat, "--json-lines");
        Assert.That(code, Is.EqualTo(0), error);
        JsonElement line = Lines(output).Single();
        Assert.That(line.GetProperty("problem").GetString(), Is.EqualTo("damaged-tnef"));
        Assert.That(line.GetProperty("message").GetProperty("sensitive").GetBoolean(), Is.True);
    }
}
