using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace SecureMailGate.Service.Hosting;

/// <summary>
/// The service's own settings (section <c>SecureMailGate</c> of <c>appsettings.json</c>, environment variables
/// <c>SecureMailGate__Key</c> or command-line <c>--SecureMailGate:Key=value</c>). Immutable once read; every problem is
/// reported in plain English with the key to fix.
/// </summary>
public sealed record ServiceSettings
{
    /// <summary>The configuration section the settings are read from.</summary>
    public const string SectionName = "SecureMailGate";

    /// <summary>The policy file shared with the transport agent (<c>securemailgate.json</c>).</summary>
    public required string PolicyFile { get; init; }

    /// <summary>
    /// The organisation's accepted domains, added to the policy's <c>internalDomains</c> as the agent adds Exchange's own
    /// (the service cannot read them from transport).
    /// </summary>
    public IReadOnlyList<string> AcceptedDomains { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The add-in's URL as Exchange puts it in the identity token's <c>aud</c> claim: the first <c>SourceLocation</c> of
    /// the manifest's <c>FormSettings</c> (the task pane page).
    /// </summary>
    public required Uri AddinUrl { get; init; }

    /// <summary>The only origin browsers may call the service from (CORS); the add-in URL's origin.</summary>
    public string AddinOrigin => AddinUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>Exchange's authentication metadata document (<c>https://mail.example/autodiscover/metadata/json/1</c>).</summary>
    public required Uri AuthMetadataUrl { get; init; }

    /// <summary>Reads the metadata document from this file instead of fetching it (servers with no route to Exchange's URL, tests).</summary>
    public string? AuthMetadataFile { get; init; }

    /// <summary>Allows plain HTTP, and only on loopback addresses (development and tests). Production is HTTPS only.</summary>
    public bool AllowHttpOnLoopback { get; init; }

    /// <summary>Requests one user may make per minute.</summary>
    public int RequestsPerMinute { get; init; } = 60;

    /// <summary>Largest request body accepted, in bytes (base64 makes attachments a third larger).</summary>
    public long MaxRequestBytes { get; init; } = 48L * 1024 * 1024;

    /// <summary>How long one evaluation may take before the service answers 503 (the add-in then lets the send go ahead).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Clock tolerance when checking a token's <c>nbf</c> and <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="baseDirectory">Folder relative paths are resolved against (the service's folder).</param>
    /// <exception cref="ServiceSettingsException">A setting is missing or wrong; the message names it.</exception>
    public static ServiceSettings From(IConfiguration configuration, string baseDirectory)
    {
        if (configuration is null || baseDirectory is null)
        {
            throw new ArgumentNullException(configuration is null ? nameof(configuration) : nameof(baseDirectory));
        }

        IConfigurationSection section = configuration.GetSection(SectionName);
        string policy = section["PolicyFile"] is { Length: > 0 } p ? p : "securemailgate.json";
        string? metadataFile = section["AuthMetadataFile"] is { Length: > 0 } m ? Path.Combine(baseDirectory, m) : null;
        return new ServiceSettings
        {
            PolicyFile = Path.Combine(baseDirectory, policy),
            AcceptedDomains = section.GetSection("AcceptedDomains").GetChildren().Select(c => c.Value ?? string.Empty)
                .Where(v => v.Trim().Length > 0).Select(v => v.Trim()).ToArray(),
            AddinUrl = RequiredHttpsUrl(section, "AddinUrl", "the URL of the add-in's task pane page, e.g. https://securemailgate.ourtrust.nhs.uk/addin/taskpane.html"),
            AuthMetadataUrl = RequiredHttpsUrl(section, "AuthMetadataUrl", "Exchange's authentication metadata document, e.g. https://mail.ourtrust.nhs.uk/autodiscover/metadata/json/1"),
            AuthMetadataFile = metadataFile,
            AllowHttpOnLoopback = Bool(section, "AllowHttpOnLoopback"),
            RequestsPerMinute = PositiveInt(section, "RequestsPerMinute", 60),
            MaxRequestBytes = PositiveInt(section, "MaxRequestMegabytes", 48) * 1024L * 1024L,
            RequestTimeout = TimeSpan.FromSeconds(PositiveInt(section, "RequestTimeoutSeconds", 20)),
        };
    }

    private static Uri RequiredHttpsUrl(IConfigurationSection section, string key, string what)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ServiceSettingsException($"{SectionName}:{key} is not set. Set it to {what}.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ServiceSettingsException($"{SectionName}:{key} '{text}' is not a web address. Set it to {what}.");
        }

        if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            throw new ServiceSettingsException($"{SectionName}:{key} '{text}' must start with https:// (plain http is accepted only for 127.0.0.1 in tests).");
        }

        return url;
    }

    private static bool Bool(IConfigurationSection section, string key)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text, out bool value)
            ? value
            : throw new ServiceSettingsException($"{SectionName}:{key} '{text}' must be true or false.");
    }

    private static int PositiveInt(IConfigurationSection section, string key, int fallback)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ServiceSettingsException($"{SectionName}:{key} '{text}' must be a whole number above zero (default {fallback}).");
    }
}
