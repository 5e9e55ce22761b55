using System;
using System.IO;
using System.Reflection;

namespace SecureMailGate.Exchange;

/// <summary>
/// Loads the agent's own dependencies (MimeKit, NLog, System.Text.Json, ...) from the agent's folder.
/// Exchange transport (EdgeTransport.exe) has no binding redirects for them, so a dependency that asks for a
/// slightly different version of another would otherwise fail to load and take the agent down.
/// </summary>
internal static class AgentAssemblyResolver
{
    private static readonly object Gate = new();
    private static string? installedFor;

    /// <summary>Installs the handler once per process for <paramref name="agentFolder"/>.</summary>
    public static void Install(string agentFolder)
    {
        if (agentFolder is null)
        {
            throw new ArgumentNullException(nameof(agentFolder));
        }

        lock (Gate)
        {
            if (installedFor is not null)
            {
                return;
            }

            installedFor = agentFolder;
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(agentFolder, args.Name);
        }
    }

    /// <summary>
    /// Finds <paramref name="requestedName"/> by simple name in <paramref name="agentFolder"/>, ignoring the
    /// requested version, and loads it; null (let the runtime fail as usual) when no such file is there.
    /// </summary>
    public static Assembly? Resolve(string agentFolder, string? requestedName)
    {
        if (string.IsNullOrEmpty(requestedName))
        {
            return null;
        }

        string? simpleName;
        try
        {
            simpleName = new AssemblyName(requestedName).Name;
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            return null;
        }

        // Only plain file names: a requested name must never steer us outside the agent's folder.
        if (string.IsNullOrEmpty(simpleName) || simpleName!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || simpleName.Contains("..") || simpleName.Contains("/") || simpleName.Contains("\\"))
        {
            return null;
        }

        var candidate = Path.Combine(agentFolder, simpleName + ".dll");
        if (!File.Exists(candidate))
        {
            return null;
        }

        try
        {
            return Assembly.LoadFrom(candidate);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
