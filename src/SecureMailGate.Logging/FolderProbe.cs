using System;
using System.IO;

namespace SecureMailGate.Logging;

/// <summary>Whether a log folder exists (or can be created) and can be written, proved by a file that is removed at once.</summary>
internal static class FolderProbe
{
    /// <summary>Why files cannot be written in <paramref name="folder"/>, or null when they can.</summary>
    /// <param name="folder">Full path of the folder.</param>
    /// <param name="canCreate">True when the writer creates missing folders (NLog's <c>createDirs</c>).</param>
    public static string? Problem(string folder, bool canCreate)
    {
        if (File.Exists(folder))
        {
            return $"'{folder}' is a file, not a folder";
        }

        if (Directory.Exists(folder))
        {
            return WriteProblem(folder);
        }

        if (!canCreate)
        {
            return $"the folder '{folder}' does not exist and the target does not create folders (createDirs=\"false\")";
        }

        string? parent = Path.GetDirectoryName(folder);
        if (parent is null)
        {
            return $"the folder '{folder}' does not exist and cannot be created";
        }

        string? parentProblem = Problem(parent, canCreate: true);
        return parentProblem is null ? null : $"the folder '{folder}' cannot be created: {parentProblem}";
    }

    private static string? WriteProblem(string folder)
    {
        string probe = Path.Combine(folder, ".securemailgate-write-check-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"the folder '{folder}' cannot be written ({ex.Message})";
        }
        finally
        {
            Remove(probe);
        }
    }

    private static void Remove(string probe)
    {
        try
        {
            if (File.Exists(probe))
            {
                File.Delete(probe);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // DeleteOnClose has already removed it, or the folder forbids deleting: nothing more can be done here.
        }
    }
}
