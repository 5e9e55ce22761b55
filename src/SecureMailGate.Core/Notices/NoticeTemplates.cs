using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Configuration;

namespace SecureMailGate.Core.Notices;

/// <summary>
/// A complete, checked set of notice templates for one language: every template of
/// <see cref="NoticeTemplateNames.All"/>, nothing else. <see cref="BuiltIn"/> is the English set shipped in
/// <c>config/notices/en</c> (compiled into the engine), used when no template folder is configured.
/// Immutable and thread-safe.
/// </summary>
public sealed class NoticeTemplates
{
    private const string ResourcePrefix = "SecureMailGate.Core.Notices.en.";

    private static readonly Lazy<NoticeTemplates> BuiltInSet = new(LoadBuiltIn);

    private readonly IReadOnlyDictionary<string, NoticeTemplate> byName;

    private NoticeTemplates(string language, IReadOnlyDictionary<string, NoticeTemplate> byName, IReadOnlyList<string> sources)
    {
        Language = language;
        this.byName = byName;
        Sources = sources;
    }

    /// <summary>The English templates shipped with the product (the same text as <c>config/notices/en</c>).</summary>
    public static NoticeTemplates BuiltIn => BuiltInSet.Value;

    /// <summary>The language folder name, e.g. <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>Where each template came from, in <see cref="NoticeTemplateNames.All"/> order (file paths for a folder).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The template of that name.</summary>
    /// <param name="name">A name from <see cref="NoticeTemplateNames"/>.</param>
    /// <exception cref="ArgumentException">No template has that name.</exception>
    public NoticeTemplate this[string name] =>
        byName.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var template)
            ? template
            : throw new ArgumentException($"There is no notice template called '{name}'.", nameof(name));

    /// <summary>Whether a template of that name exists.</summary>
    /// <param name="name">A template name.</param>
    public bool Contains(string name) => byName.ContainsKey(name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>Parses a complete set of templates.</summary>
    /// <param name="language">The language folder name.</param>
    /// <param name="texts">Each template's text by name (the file name without <c>.txt</c>).</param>
    /// <param name="sourceOf">Where a template of a given name comes from (a file path), for error messages.</param>
    /// <exception cref="PolicyConfigurationException">A template is missing, unknown or invalid (naming file and line).</exception>
    public static NoticeTemplates Parse(string language, IReadOnlyDictionary<string, string> texts, Func<string, string> sourceOf)
    {
        if (language is null || texts is null || sourceOf is null)
        {
            throw new ArgumentNullException(language is null ? nameof(language) : texts is null ? nameof(texts) : nameof(sourceOf));
        }

        foreach (var name in texts.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (NoticeTemplateNames.Find(name) is null)
            {
                throw new PolicyConfigurationException(sourceOf(name), null, $"'{name}' is not a notice template this version uses (is the name misspelt?). The templates are: {string.Join(", ", NoticeTemplateNames.All.Select(s => s.Name + ".txt"))}.");
            }
        }

        var parsed = new Dictionary<string, NoticeTemplate>(StringComparer.Ordinal);
        foreach (var spec in NoticeTemplateNames.All)
        {
            if (!texts.TryGetValue(spec.Name, out var text))
            {
                throw new PolicyConfigurationException(sourceOf(spec.Name), null, $"the notice template is missing. Every language folder needs all {NoticeTemplateNames.All.Count} templates; copy it from the shipped config/notices/en folder and translate it.");
            }

            parsed[spec.Name] = NoticeTemplate.Parse(spec, text, sourceOf(spec.Name));
        }

        return new NoticeTemplates(language, parsed, NoticeTemplateNames.All.Select(s => parsed[s.Name].Source).ToArray());
    }

    private static NoticeTemplates LoadBuiltIn()
    {
        var assembly = typeof(NoticeTemplates).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
            texts[resource.Substring(ResourcePrefix.Length, resource.Length - ResourcePrefix.Length - ".txt".Length)] = reader.ReadToEnd();
        }

        return Parse("en", texts, name => "built-in:en/" + name + ".txt");
    }
}
