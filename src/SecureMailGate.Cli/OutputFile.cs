using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Cli;

/// <summary>Writes a file the user named with <c>--out</c> or <c>--report</c>, with a plain message when it cannot.</summary>
internal static class OutputFile
{
    /// <summary>Refuses a folder (or a name ending in a separator) before any work is done.</summary>
    public static void CheckWritable(string path, string option, string example)
    {
        if (Directory.Exists(path) || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
        {
            throw new CliException(ExitCodes.Usage, $"{option} {path} is a folder; give a file name, for example {Path.Combine(path, example)}.");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.Usage, $"{option} {path}: the folder {folder} does not exist; create it first or choose another place.");
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, string text, string what)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string problem = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            throw new CliException($"{path}: cannot write the {what} ({problem}). Choose a file in a folder you can write to.", ex);
        }
    }
}
