using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SecureMailGate.Service.Hosting;

/// <summary>
/// The add-in's files as the service serves them: the manifest, the event handler and the pages carry the placeholder
/// origin <see cref="PlaceholderOrigin"/>, replaced by the service's own public origin, so one install needs no edited
/// copy of any file. Also the <c>.well-known/microsoft-officeaddins-allowed.json</c> document classic Outlook needs
/// before its JavaScript runtime may call the service.
/// </summary>
public static class AddinFiles
{
    /// <summary>The origin written in the shipped files.</summary>
    public const string PlaceholderOrigin = "https://securemailgate.invalid";

    /// <summary>Where the add-in's files are served.</summary>
    public const string RequestPath = "/addin";

    /// <summary>The event handler's path, which the well-known document must allow.</summary>
    public const string HandlerPath = RequestPath + "/launchevent.js";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".xml"] = "text/xml; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
    };

    /// <summary>The content type served for a file name, or null when such files are not served.</summary>
    /// <param name="fileName">The file name.</param>
    public static string? ContentType(string fileName) =>
        Types.TryGetValue(Path.GetExtension(fileName ?? throw new ArgumentNullException(nameof(fileName))), out string? type) ? type : null;

    /// <summary>A file's bytes with the placeholder origin replaced (text files only).</summary>
    /// <param name="fileName">The file name (decides whether it is text).</param>
    /// <param name="content">The file as shipped.</param>
    /// <param name="origin">The service's public origin, e.g. <c>https://securemailgate.ourtrust.nhs.uk</c>.</param>
    public static byte[] Render(string fileName, byte[] content, string origin)
    {
        if (fileName is null || content is null || origin is null)
        {
            throw new ArgumentNullException(fileName is null ? nameof(fileName) : content is null ? nameof(content) : nameof(origin));
        }

        string? type = ContentType(fileName);
        if (type is null || !type.StartsWith("text/", StringComparison.Ordinal))
        {
            return content;
        }

        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace(PlaceholderOrigin, origin.TrimEnd('/'), StringComparison.Ordinal));
    }

    /// <summary>The well-known document that lets classic Outlook's JavaScript runtime make requests for the add-in.</summary>
    /// <param name="origin">The service's public origin.</param>
    public static byte[] AllowedDocument(string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { allowed = new[] { (origin ?? throw new ArgumentNullException(nameof(origin))).TrimEnd('/') + HandlerPath } });
}
