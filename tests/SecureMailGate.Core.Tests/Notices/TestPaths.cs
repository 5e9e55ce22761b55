using System;
using System.IO;
using NUnit.Framework;

namespace SecureMailGate.Core.Tests.Notices;

/// <summary>Finds the repository's shipped files and copies a notice language folder to a scratch folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot()
    {
        var dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "SecureMailGate.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("SecureMailGate.sln not found above the test folder.");
    }

    /// <summary>Copies config/notices/en to a new scratch folder as <c>&lt;scratch&gt;/notices/&lt;language&gt;</c>; returns that folder.</summary>
    public static string CopyShippedLanguage(string language)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "smg-notices-" + Guid.NewGuid().ToString("N"));
        var target = Path.Combine(scratch, "notices", language);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "config", "notices", "en"), "*.txt"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
