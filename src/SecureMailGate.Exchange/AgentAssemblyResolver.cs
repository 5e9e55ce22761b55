using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SecureMailGate.Exchange;

/// <summary>
/// Loads the agent's own dependencies (MimeKit, NLog, System.Text.Json, ...) from the agent's folder.
/// Exchange transport (EdgeTransport.exe) has no binding redirects for them, so a dependency that asks for a
/// slightly different version of another would otherwise fail to load and take the agent down.
/// It answers only for the agent: the request must come from an assembly loaded from the agent's folder, name a
/// file in that folder, and accept that file's public key; the answer is the version the agent shipped. Requests of
/// Exchange and of other agents in the same process are left to the runtime.
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
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(agentFolder, args.Name, LocationOf(args.RequestingAssembly));
        }
    }

    /// <summary>
    /// Loads the file in <paramref name="agentFolder"/> named like <paramref name="requestedName"/>, whatever version
    /// was asked for, when the request comes from an assembly in that folder and the file's public key token is the
    /// one asked for; null (let the runtime fail or look elsewhere as usual) otherwise.
    /// </summary>
    /// <param name="agentFolder">The folder the agent was installed to.</param>
    /// <param name="requestedName">The display name the runtime could not bind.</param>
    /// <param name="requestingLocation">Path of the assembly that asked, or null when the runtime does not say.</param>
    public static Assembly? Resolve(string agentFolder, string? requestedName, string? requestingLocation)
    {
        if (string.IsNullOrEmpty(requestedName) || string.IsNullOrEmpty(requestingLocation) || !IsInFolder(agentFolder, requestingLocation!))
        {
            return null;
        }

        AssemblyName requested;
        try
        {
            requested = new AssemblyName(requestedName);
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            return null;
        }

        var simpleName = requested.Name;
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
            var shipped = AssemblyName.GetAssemblyName(candidate);
            if (!string.Equals(shipped.Name, simpleName, StringComparison.OrdinalIgnoreCase) || !SameToken(requested.GetPublicKeyToken(), shipped.GetPublicKeyToken()))
            {
                return null;
            }

            return Assembly.LoadFrom(candidate);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or System.Security.SecurityException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsInFolder(string agentFolder, string location)
    {
        try
        {
            var folder = Path.GetFullPath(agentFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var directory = Path.GetDirectoryName(Path.GetFullPath(location));
            return string.Equals(folder, directory, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return false;
        }
    }

    // A request without a token (unsigned) accepts any file; a request with one accepts only a file with the same.
    private static bool SameToken(byte[]? requested, byte[]? shipped) =>
        requested is null || requested.Length == 0 || (shipped is not null && requested.SequenceEqual(shipped));

    private static string? LocationOf(Assembly? assembly)
    {
        try
        {
            return assembly is null || assembly.IsDynamic ? null : assembly.Location;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
