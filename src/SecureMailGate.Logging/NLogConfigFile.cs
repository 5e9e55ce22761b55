using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace SecureMailGate.Logging;

/// <summary>
/// An NLog.config read for checking: its XML (with line numbers), <c>${nlogdir}</c> read as the file's folder, and
/// targets this NLog build cannot create replaced by named Null stand-ins so the rest can be loaded strictly.
/// </summary>
internal sealed class NLogConfigFile
{
    private static readonly string[] TargetElementNames = { "target", "wrapper-target", "compound-target" };
    private static readonly Regex NLogDir = new(@"\$\{\s*nlogdir\s*\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly string _path;
    private readonly XDocument? _document;
    private readonly Dictionary<string, int> _lines;

    private NLogConfigFile(string path, XDocument? document, Dictionary<string, int> lines, Dictionary<string, string> standIns, string? problem)
    {
        _path = path;
        _document = document;
        _lines = lines;
        StandIns = standIns;
        Problem = problem;
    }

    /// <summary>Why the file cannot be checked at all (missing, unreadable, not XML), or null.</summary>
    public string? Problem { get; }

    /// <summary>Targets replaced by Null stand-ins: name to the type NLog could not create here.</summary>
    public IReadOnlyDictionary<string, string> StandIns { get; }

    public static NLogConfigFile Read(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                return Failed(path, $"{path}: this is a folder; give the path of the NLog.config file itself.");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, $"{path}: the logging configuration file does not exist; put NLog.config (as shipped with SecureMailGate) there, or give the path of the one the agent uses.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Failed(path, $"{path}: the logging configuration file cannot be read ({ex.Message}); check that it exists and that you may read it.");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        XDocument document;
        try
        {
            document = XDocument.Parse(NLogDir.Replace(text, _ => SecurityElement.Escape(folder)), LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return Failed(path, $"{path}, line {ex.LineNumber}: this is not valid XML ({OneLine(ex.Message)}); correct the file, or start again from the NLog.config that ships with SecureMailGate.");
        }

        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var standIns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (XElement target in document.Descendants().Where(e => TargetElementNames.Contains(e.Name.LocalName)).ToList())
        {
            string? name = Attribute(target, "name");
            if (name is null)
            {
                continue;
            }

            lines[name] = ((IXmlLineInfo)target).LineNumber;
            if (Attribute(target, "type") is { } type && !CanCreate(type))
            {
                standIns[name] = type;
                XAttribute typeAttribute = target.Attributes().First(a => a.Name.LocalName == "type");
                target.ReplaceWith(new XElement(target.Name, new XAttribute(typeAttribute.Name, "Null"), new XAttribute("name", name)));
            }
        }

        return new NLogConfigFile(path, document, lines, standIns, null);
    }

    /// <summary>Loads the (adjusted) configuration with <paramref name="factory"/>'s settings.</summary>
    /// <exception cref="NLogConfigurationException">NLog rejects the configuration.</exception>
    public LoggingConfiguration Load(LogFactory factory)
    {
        using var reader = new StringReader(_document!.ToString(SaveOptions.DisableFormatting));
        return new XmlLoggingConfiguration(reader, _path, factory);
    }

    /// <summary>One line naming the file, and the target's line when the target is known.</summary>
    public string Describe(string? targetName, string problem) =>
        targetName is not null && _lines.TryGetValue(targetName, out int line) ? $"{_path}, line {line}: {problem}" : $"{_path}: {problem}";

    /// <summary>NLog's explanation without the outer "failed loading" wrapper or the stack, on one line.</summary>
    public static string Message(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex.InnerException ?? ex; e is not null; e = e.InnerException)
        {
            string message = OneLine(e.Message).TrimEnd('.');
            if (!messages.Any(m => m.Contains(message)))
            {
                messages.Add(message);
            }
        }

        return string.Join("; ", messages);
    }

    private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();

    private static NLogConfigFile Failed(string path, string problem) =>
        new(path, null, new Dictionary<string, int>(), new Dictionary<string, string>(), problem);

    private static string? Attribute(XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;

    private static bool CanCreate(string type)
    {
        if (!ConfigurationItemFactory.Default.TargetFactory.TryCreateInstance(type.Trim(), out Target? target))
        {
            return false;
        }

        (target as IDisposable)?.Dispose();
        return true;
    }
}
