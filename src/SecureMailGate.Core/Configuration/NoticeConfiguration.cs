using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecureMailGate.Core.Notices;

namespace SecureMailGate.Core.Configuration;

/// <summary>
/// Reads the <c>notices</c> section of the configuration (POLICY §7) and the template folder it names, so that a
/// bad template is refused at load like any other configuration error, naming the file and the line.
/// <para>
/// The templates are read from <c>&lt;folder&gt;/&lt;language&gt;/*.txt</c>, the folder relative to the configuration
/// file (default <c>notices</c>, beside it). When the folder is not configured and does not exist, the built-in
/// English templates apply.
/// </para>
/// </summary>
internal static class NoticeConfiguration
{
    /// <summary>The section's keys.</summary>
    public static readonly string[] Keys = { "language", "folder", "senderName", "organisation", "serviceDesk", "helpLink" };

    /// <summary>Default template folder, relative to the configuration file.</summary>
    public const string DefaultFolder = "notices";

    private const int MaxSenderName = 64;
    private const int MaxValue = 200;
    private static readonly Regex LanguageName = new("^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant);

    /// <summary>The notice settings the configuration describes (the section may be absent).</summary>
    /// <param name="v">The validator of the configuration file.</param>
    /// <param name="section">The <c>notices</c> section, or null when the file has none.</param>
    /// <param name="baseDirectory">The configuration file's folder.</param>
    public static NoticeSettings Read(Validator v, ConfigNode? section, string baseDirectory)
    {
        var settings = new NoticeSettings();
        string? folder = null;
        int? folderLine = null;
        int? languageLine = null;
        if (section is not null)
        {
            settings = v.Section(section, "notices", Keys, settings, (result, key, item) =>
            {
                switch (key)
                {
                    case "language":
                        languageLine = item.Line;
                        var language = v.NonEmptyString(item, "notices.language");
                        return LanguageName.IsMatch(language)
                            ? result with { Language = language }
                            : throw v.Error(item.Line, $"notices.language \"{language}\" is not a language folder name: use lower-case letters such as \"en\" or \"cy\".");
                    case "folder":
                        folderLine = item.Line;
                        folder = v.NonEmptyString(item, "notices.folder");
                        return result;
                    case "senderName":
                        return result with { SenderName = Checked(v, item, "notices.senderName", MaxSenderName, asciiOnly: false, required: true) };
                    case "organisation":
                        return result with { Organisation = Checked(v, item, "notices.organisation", MaxValue, asciiOnly: true, required: false) };
                    case "serviceDesk":
                        return result with { ServiceDesk = Checked(v, item, "notices.serviceDesk", MaxValue, asciiOnly: true, required: false) };
                    default:
                        return result with { HelpLink = HelpLink(v, item) };
                }
            });
        }

        var path = Path.Combine(baseDirectory, folder ?? DefaultFolder);
        if (folder is null && !Directory.Exists(path))
        {
            return settings.Language == NoticeTemplates.BuiltIn.Language
                ? settings
                : throw v.Error(languageLine ?? 1, $"notices.language \"{settings.Language}\": there is no notice template folder '{path}'. Create it with a '{settings.Language}' folder of templates, or set notices.folder.");
        }

        var languageFolder = Path.Combine(path, settings.Language);
        if (!Directory.Exists(languageFolder))
        {
            throw v.Error(folderLine ?? languageLine ?? 1, $"notices: the template folder '{languageFolder}' does not exist. Copy config/notices/en there and translate it, or choose another notices.language.");
        }

        return settings with { Templates = LoadFolder(languageFolder, settings.Language) };
    }

    /// <summary>Loads and checks every template of one language folder.</summary>
    /// <param name="languageFolder">The folder holding the <c>*.txt</c> templates.</param>
    /// <param name="language">The language name.</param>
    /// <exception cref="PolicyConfigurationException">A template is missing, unknown, unreadable or invalid.</exception>
    public static NoticeTemplates LoadFolder(string languageFolder, string language)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var file in Directory.GetFiles(languageFolder, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var bytes = PolicyConfigurationLoader.ReadAllBytes(file, "notice template");
            try
            {
                texts[Path.GetFileNameWithoutExtension(file)] = strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new PolicyConfigurationException(file, null, "the notice template is not UTF-8 text. Save it as UTF-8.");
            }
        }

        return NoticeTemplates.Parse(language, texts, name => Path.Combine(languageFolder, name + ".txt"));
    }

    private static string Checked(Validator v, ConfigNode item, string key, int max, bool asciiOnly, bool required)
    {
        var text = required ? v.NonEmptyString(item, key) : v.String(item, key);
        if (text.Length > max)
        {
            throw v.Error(item.Line, $"{key} is {text.Length} characters long; at most {max} are allowed.");
        }

        if (text.Any(char.IsControl))
        {
            throw v.Error(item.Line, $"{key} must be one line of text without control characters.");
        }

        if (asciiOnly && text.Any(c => c > '~'))
        {
            throw v.Error(item.Line, $"{key} goes into non-delivery reports, which must be plain ASCII (SMTP): use plain letters, digits and punctuation.");
        }

        return text;
    }

    private static string HelpLink(Validator v, ConfigNode item)
    {
        var text = Checked(v, item, "notices.helpLink", MaxValue, asciiOnly: true, required: false);
        if (text.Length == 0)
        {
            return text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? text
            : throw v.Error(item.Line, $"notices.helpLink \"{text}\" is not a web address: give a full address starting with https://, or \"\" for none.");
    }
}
