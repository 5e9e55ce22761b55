using System;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>
/// An administrator reading <c>check</c> sees which attachment could not be inspected and why, by position and
/// reason, never by its file name; the column stays out of the way when everything was read.
/// </summary>
[TestFixture]
public sealed class FindingReasonOutputTests
{
    [Test]
    public void An_attachment_that_could_not_be_read_is_named_by_position_with_the_reason()
    {
        // Half a ZIP-based document: the reader fails on it.
        byte[] damaged = new byte[400];
        Encoding.ASCII.GetBytes("PK\u0003\u0004").CopyTo(damaged, 0);
        string eml = Write(Message("Evans 943 476 5919.docx", damaged));

        (int code, string output, string error) = CliRunner.Run("check", eml, "--config", CliRunner.EnforcingPolicy);

        Assert.That(code, Is.Not.EqualTo(3), error);
        Assert.That(output, Does.Contain("Why not inspected"));
        Assert.That(output, Does.Contain("attachment:1.docx"));
        Assert.That(output, Does.Contain("damaged").Or.Contain("reader-failed"));
        Assert.That(output, Does.Not.Contain("Evans").And.Not.Contain("5919"));
    }

    [Test]
    public void The_reason_column_is_left_out_when_everything_was_read()
    {
        string eml = Write(Message("notes.txt", Encoding.ASCII.GetBytes("Patient NHS number 943 476 5919\n")));

        (_, string output, string error) = CliRunner.Run("check", eml, "--config", CliRunner.EnforcingPolicy);

        Assert.That(output, Does.Contain("attachment:1.txt"), error);
        Assert.That(output, Does.Not.Contain("Why not inspected"));
    }

    private static string Message(string name, byte[] content) =>
        "From: clerk@ourtrust.nhs.uk\r\nTo: someone@gmail.com\r\nSubject: Papers\r\nMessage-ID: <reason@ourtrust.nhs.uk>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
        + "--b\r\nContent-Type: application/octet-stream; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks) + "\r\n--b--\r\n";

    private static string Write(string mime)
    {
        string path = Path.Combine(Path.GetTempPath(), "smg-reason-" + Guid.NewGuid().ToString("N") + ".eml");
        File.WriteAllText(path, mime, Encoding.ASCII);
        return path;
    }
}
