using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Notices;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Configuration;

/// <summary>
/// Loads <c>securemailgate.json</c> (POLICY §7): JSON with <c>//</c> comments and trailing commas, every key
/// optional, unknown keys an error. The whole file is validated before anything is built, so a file is either
/// applied completely or not at all; every error names the file, the line and the problem.
/// </summary>
public static class PolicyConfigurationLoader
{
    private static readonly string[] TopLevelKeys =
    {
        "mode", "internalDomains", "accreditedDomainsFile", "overrides", "prohibitedChannels", "legacyDomains",
        "encryption", "detection", "limits", "inspection", "exemptions", "failureMode", "notices",
    };

    private static readonly string[] BuiltInKinds =
    {
        FindingKinds.NhsNumber, FindingKinds.NiNumber, FindingKinds.Marking, FindingKinds.EncryptedAttachment,
        FindingKinds.InspectionLimit, FindingKinds.UnreadableAttachment, FindingKinds.EncryptionRequested,
    };

    /// <summary>Loads and validates a configuration file; relative paths inside it are relative to the file.</summary>
    /// <param name="path">The configuration file.</param>
    /// <returns>The policy it describes.</returns>
    /// <exception cref="PolicyConfigurationException">The file or a file it names is missing, unreadable or invalid.</exception>
    public static PolicyOptions LoadFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A configuration file path is required.", nameof(path));
        }

        byte[] bytes = ReadAllBytes(path, "configuration file");
        return Load(bytes, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Loads and validates configuration text.</summary>
    /// <param name="json">The file's bytes (UTF-8, BOM allowed).</param>
    /// <param name="filePath">Name used in error messages.</param>
    /// <param name="baseDirectory">Folder that relative paths inside the file are resolved against.</param>
    /// <exception cref="PolicyConfigurationException">The configuration is invalid.</exception>
    public static PolicyOptions Load(byte[] json, string filePath, string baseDirectory)
    {
        if (json is null || filePath is null || baseDirectory is null)
        {
            throw new ArgumentNullException(json is null ? nameof(json) : filePath is null ? nameof(filePath) : nameof(baseDirectory));
        }

        byte[] body = json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF ? json.Skip(3).ToArray() : json;
        ConfigNode root = ConfigDocumentReader.Read(body, filePath);
        var v = new Validator(filePath);
        v.Expect(root, JsonTokenType.StartObject, "the file");
        v.CheckKeys(root, TopLevelKeys, "top level");

        var options = new PolicyOptions { Version = VersionOf(json), SourceFiles = new[] { filePath } };
        foreach ((string key, int _, ConfigNode value) in root.Properties)
        {
            options = key switch
            {
                "mode" => options with { Mode = v.Enum(value, key, new Dictionary<string, PolicyMode> { ["enforce"] = PolicyMode.Enforce, ["monitor"] = PolicyMode.Monitor }) },
                "internalDomains" => options with { InternalDomains = v.Domains(value, key, allowWildcard: false) },
                "accreditedDomainsFile" => options with { AccreditedDomains = LoadAccreditedList(v, value, baseDirectory) },
                "overrides" => ApplyOverrides(options, v, value),
                "prohibitedChannels" => options with { ProhibitedChannels = v.Domains(value, key, allowWildcard: false) },
                "legacyDomains" => options with { LegacyDomains = LegacyDomains(v, value) },
                "encryption" => options with { Encryption = Encryption(v, value) },
                "detection" => options with { Detection = Detection(v, value) },
                "limits" => options with { Limits = Limits(v, value) },
                "inspection" => options with { Isolation = Isolation(v, value) },
                "exemptions" => options with { Exemptions = Exemptions(v, value) },
                "failureMode" => options with { FailureMode = v.Enum(value, key, new Dictionary<string, FailureMode> { ["defer"] = FailureMode.Defer, ["allow"] = FailureMode.Allow }) },
                _ => options,
            };
        }

        ConfigNode? notices = root.Properties.Where(p => p.Key == "notices").Select(p => p.Value).FirstOrDefault();
        options = options with { Notices = NoticeConfiguration.Read(v, notices, baseDirectory) };
        var templateFiles = options.Notices.Templates == NoticeTemplates.BuiltIn ? Array.Empty<string>() : options.Notices.Templates.Sources;
        return options with
        {
            SourceFiles = new[] { filePath }
                .Concat(AccreditedListPath(root, baseDirectory) is { } list ? new[] { list } : Array.Empty<string>())
                .Concat(templateFiles)
                .ToArray(),
        };
    }

    private static IReadOnlyList<string> LoadAccreditedList(Validator v, ConfigNode value, string baseDirectory)
    {
        if (value.Kind == JsonTokenType.Null)
        {
            return Array.Empty<string>();
        }

        string relative = v.String(value, "accreditedDomainsFile");
        string path = Path.Combine(baseDirectory, relative);
        if (Directory.Exists(path))
        {
            throw v.Error(value.Line, $"accreditedDomainsFile: '{path}' is a folder; give the path of the accredited list file itself (for example accredited-domains.txt).");
        }

        if (!File.Exists(path))
        {
            throw v.Error(value.Line, $"accreditedDomainsFile: the accredited list '{path}' does not exist. Create it, or remove the key to use no list.");
        }

        return AccreditedListFile.Load(path);
    }

    private static string? AccreditedListPath(ConfigNode root, string baseDirectory) =>
        root.Properties.Where(p => p.Key == "accreditedDomainsFile" && p.Value.Kind == JsonTokenType.String)
            .Select(p => Path.Combine(baseDirectory, p.Value.Text ?? string.Empty))
            .FirstOrDefault();

    private static PolicyOptions ApplyOverrides(PolicyOptions options, Validator v, ConfigNode value) =>
        v.Section(value, "overrides", new[] { "secure", "insecure" }, options, (o, key, list) => key == "secure"
            ? o with { SecureOverrides = v.Domains(list, "overrides.secure", allowWildcard: false) }
            : o with { InsecureOverrides = v.Domains(list, "overrides.insecure", allowWildcard: false) });

    private static IReadOnlyList<LegacyDomain> LegacyDomains(Validator v, ConfigNode value)
    {
        v.Expect(value, JsonTokenType.StartArray, "legacyDomains");
        var result = new List<LegacyDomain>();
        foreach (ConfigNode item in value.Items)
        {
            v.Expect(item, JsonTokenType.StartObject, "legacyDomains entries");
            v.CheckKeys(item, new[] { "domain", "retiredOn" }, "legacyDomains entry");
            ConfigNode? domainNode = item.Properties.Where(p => p.Key == "domain").Select(p => p.Value).FirstOrDefault();
            if (domainNode is null)
            {
                throw v.Error(item.Line, "legacyDomains: every entry needs a \"domain\".");
            }

            string domain = v.Domain(domainNode, "legacyDomains.domain", allowWildcard: false);
            DateTime? retiredOn = null;
            foreach ((string key, int _, ConfigNode date) in item.Properties.Where(p => p.Key == "retiredOn"))
            {
                if (date.Kind == JsonTokenType.Null)
                {
                    continue;
                }

                string text = v.String(date, "legacyDomains.retiredOn");
                if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime parsed))
                {
                    throw v.Error(date.Line, $"legacyDomains.retiredOn: '{text}' is not a date in the form YYYY-MM-DD (e.g. 2019-03-31).");
                }

                retiredOn = parsed;
            }

            result.Add(new LegacyDomain(domain, retiredOn));
        }

        return result;
    }

    private static EncryptionOptions Encryption(Validator v, ConfigNode value) =>
        v.Section(value, "encryption", new[] { "enabled", "token", "connector" }, new EncryptionOptions(), (result, key, item) => key switch
        {
            "enabled" => result with { Enabled = v.Bool(item, "encryption.enabled") },
            "token" => result with { Token = v.NonEmptyString(item, "encryption.token") },
            _ => result with { Connector = Connector(v, item) },
        });

    private static string? Connector(Validator v, ConfigNode item)
    {
        if (item.Kind == JsonTokenType.Null)
        {
            return null;
        }

        string text = v.String(item, "encryption.connector");
        return ConnectorAddressSpace.Problem(text) is { } problem
            ? throw v.Error(item.Line, $"encryption.connector \"{text}\": {problem}.")
            : ConnectorAddressSpace.Normalize(text);
    }

    private static DetectionOptions Detection(Validator v, ConfigNode value) =>
        v.Section(value, "detection", new[] { "threshold", "warnUnmarkedSensitive", "patterns", "unreadableAttachments" }, new DetectionOptions(), (result, key, item) => key switch
        {
            "threshold" => result with { Threshold = v.Confidence(item, "detection.threshold") },
            "unreadableAttachments" => result with
            {
                UnreadableAttachments = v.Enum(item, "detection.unreadableAttachments", new Dictionary<string, UnreadableAttachments>
                {
                    ["sensitive"] = Policy.UnreadableAttachments.Sensitive,
                    ["ignore"] = Policy.UnreadableAttachments.Ignore,
                }),
            },
            "warnUnmarkedSensitive" => result with { WarnUnmarkedSensitive = v.Bool(item, "detection.warnUnmarkedSensitive") },
            _ => result with { Patterns = Patterns(v, item) },
        });

    private static IReadOnlyList<DetectionPattern> Patterns(Validator v, ConfigNode value)
    {
        v.Expect(value, JsonTokenType.StartArray, "detection.patterns");
        var result = new List<DetectionPattern>();
        foreach (ConfigNode item in value.Items)
        {
            v.Expect(item, JsonTokenType.StartObject, "detection.patterns entries");
            v.CheckKeys(item, new[] { "name", "regex", "keywords", "proximity", "confidence" }, "pattern");
            string? name = null;
            string? regex = null;
            IReadOnlyList<string> keywords = Array.Empty<string>();
            int proximity = 300;
            Confidence confidence = Confidence.High;
            foreach ((string key, int _, ConfigNode field) in item.Properties)
            {
                switch (key)
                {
                    case "name":
                        name = v.NonEmptyString(field, "pattern name");
                        if (BuiltInKinds.Contains(name) || result.Any(p => p.Name == name))
                        {
                            throw v.Error(field.Line, $"pattern name '{name}' is already used; give each pattern a name of its own.");
                        }

                        break;
                    case "regex":
                        regex = v.NonEmptyString(field, "pattern regex");
                        try
                        {
                            _ = new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                        }
                        catch (ArgumentException ex)
                        {
                            throw v.Error(field.Line, $"pattern regex '{regex}' is not a valid regular expression: {ex.Message}");
                        }

                        break;
                    case "keywords":
                        keywords = v.Strings(field, "pattern keywords");
                        break;
                    case "proximity":
                        proximity = v.Int(field, "pattern proximity", 0, 100_000);
                        break;
                    default:
                        confidence = v.Confidence(field, "pattern confidence");
                        break;
                }
            }

            if (name is null || regex is null)
            {
                throw v.Error(item.Line, "every pattern needs a \"name\" and a \"regex\".");
            }

            result.Add(new DetectionPattern(name, regex, keywords, proximity, confidence));
        }

        return result;
    }

    private static InspectionLimits Limits(Validator v, ConfigNode value) =>
        v.Section(value, "limits", new[] { "maxDepth", "maxExpandedBytes", "maxEntries", "maxRatio", "timeBudgetSeconds" }, InspectionLimits.Default, (result, key, item) => key switch
        {
            "maxDepth" => result with { MaxDepth = v.Int(item, "limits.maxDepth", 1, 100) },
            "maxExpandedBytes" => result with { MaxExpandedBytes = v.Long(item, "limits.maxExpandedBytes", 1024, long.MaxValue) },
            "maxEntries" => result with { MaxEntries = v.Int(item, "limits.maxEntries", 1, int.MaxValue) },
            "maxRatio" => result with { MaxRatio = v.Int(item, "limits.maxRatio", 1, 1_000_000) },
            _ => result with { TimeBudget = TimeSpan.FromSeconds(v.Int(item, "limits.timeBudgetSeconds", 1, 3600)) },
        });

    private static IsolationOptions Isolation(Validator v, ConfigNode value) =>
        v.Section(value, "inspection", new[] { "isolation", "workers", "memoryCapMegabytes", "recycleAfter", "graceSeconds" }, IsolationOptions.Default, (result, key, item) => key switch
        {
            "isolation" => result with { Mode = v.Enum(item, "inspection.isolation", new Dictionary<string, IsolationMode> { ["process"] = IsolationMode.Process, ["inproc"] = IsolationMode.InProcess }) },
            "workers" => result with { Workers = v.Int(item, "inspection.workers", 1, 64) },
            "memoryCapMegabytes" => result with { MemoryCapMegabytes = v.Int(item, "inspection.memoryCapMegabytes", 128, 65_536) },
            "recycleAfter" => result with { RecycleAfter = v.Int(item, "inspection.recycleAfter", 1, 1_000_000) },
            _ => result with { GraceSeconds = v.Int(item, "inspection.graceSeconds", 1, 300) },
        });

    private static Exemptions Exemptions(Validator v, ConfigNode value) =>
        v.Section(value, "exemptions", new[] { "senders", "recipients" }, new Exemptions(), (result, key, item) =>
        {
            IReadOnlyList<string> entries = v.Strings(item, "exemptions." + key);
            return key == "senders" ? result with { Senders = entries } : result with { Recipients = entries };
        });

    internal static byte[] ReadAllBytes(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new PolicyConfigurationException(path, null, $"this is a folder; give the path of the {what} itself.");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string problem = ex is FileNotFoundException or DirectoryNotFoundException
                ? $"the {what} does not exist."
                : $"the {what} cannot be read ({ex.Message}).";
            throw new PolicyConfigurationException(path, null, problem, ex);
        }
    }

    /// <summary>
    /// The policy version of a configuration file's bytes, as the audit trail records it: <c>sha256:</c> and the
    /// first 16 hex digits of the SHA-256 of the file (what <c>sha256sum securemailgate.json | cut -c1-16</c> prints).
    /// </summary>
    /// <param name="bytes">The file's bytes, exactly as stored.</param>
    public static string VersionOf(byte[] bytes) => "sha256:" + Hash(bytes ?? throw new ArgumentNullException(nameof(bytes)));

    private static string Hash(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(bytes).Take(8).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
