using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecureMailGate.Cli.Replay;

/// <summary>
/// The files a replay reads: every file under a folder (recursively, in name order) or a named file. Hidden files
/// (names starting with '.') under a folder are skipped and counted; whether a file is mail is decided later from
/// its content (<see cref="Mail.MailSniffer"/>), never from its name.
/// </summary>
internal static class ReplaySource
{
    /// <summary>The reason counted for a hidden file under a folder.</summary>
    public const string HiddenFile = "hidden file";

    /// <summary>The files named by the inputs, hidden files left out, and inputs that do not exist.</summary>
    public static (IReadOnlyList<string> Files, int Hidden, IReadOnlyList<string> Missing) FindFiles(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var missing = new List<string>();
        int hidden = 0;
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (string f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (Path.GetFileName(f).StartsWith('.') || Path.GetRelativePath(input, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.') && p != "." && p != ".."))
                    {
                        hidden++;
                    }
                    else
                    {
                        files.Add(f);
                    }
                }
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                missing.Add(input);
            }
        }

        return (files, hidden, missing);
    }
}
