using System;
using System.IO;

namespace SecureMailGate.Benchmarks;

/// <summary>Finds files in the project's shared corpus (<c>../shared/corpus</c> next to the checkout).</summary>
internal static class SharedCorpus
{
    /// <summary>Path of MimeKit's <c>startrek.eml</c> sample.</summary>
    /// <returns>The full path.</returns>
    /// <exception cref="FileNotFoundException">The shared corpus is not next to this checkout; set SMG_SHARED.</exception>
    public static string StarTrek() => Find(Path.Combine("corpus", "mimekit", "messages", "startrek.eml"));

    private static string Find(string relative)
    {
        string? overridden = Environment.GetEnvironmentVariable("SMG_SHARED");
        if (!string.IsNullOrEmpty(overridden) && File.Exists(Path.Combine(overridden, relative)))
        {
            return Path.Combine(overridden, relative);
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Cannot find {relative} in a 'shared' folder above {AppContext.BaseDirectory}. Set SMG_SHARED to the shared folder and run again.");
    }
}
