using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace SecureMailGate.Cli.Tests;

/// <summary>
/// Real headless Chromium (Debian package <c>chromium</c>, installed by <c>tests/tools/ensure-chromium.sh</c> when
/// missing). A page is opened from a file with networking features off and a new profile; console messages are
/// read from Chromium's log on stderr (<c>--enable-logging=stderr --v=0</c> writes each as a <c>CONSOLE</c> line),
/// and a screenshot is taken.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly Lazy<string> Binary = new(Install);

    /// <summary>The result of rendering one page.</summary>
    internal sealed record Rendering(int ExitCode, IReadOnlyList<string> ConsoleMessages, string Screenshot, string Log);

    /// <summary>Opens <paramref name="page"/> and saves a screenshot at <paramref name="screenshot"/>.</summary>
    public static Rendering Render(string page, string screenshot)
    {
        string profile = Path.Combine(Path.GetTempPath(), "smg-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(Binary.Value)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=1280,2000", "--screenshot=" + screenshot, new Uri(Path.GetFullPath(page)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 90 s");
            }

            string log = stderr.Result + stdout.Result;
            string[] console = log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
            return new Rendering(process.ExitCode, console, screenshot, log);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still be closing files; the temporary profile is harmless.
            }
        }
    }

    private static string Install()
    {
        string script = CliRunner.InRepo("tests", "tools", "ensure-chromium.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail("tests/tools/ensure-chromium.sh could not provide chromium: " + error.Result);
        }

        return output.Trim().Split('\n').Last().Trim();
    }
}
