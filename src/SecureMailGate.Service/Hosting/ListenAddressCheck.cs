using System;
using System.Collections.Generic;
using System.Net;

namespace SecureMailGate.Service.Hosting;

/// <summary>
/// HTTPS only in production: a plain-HTTP listening address is refused unless HTTP was explicitly allowed and the
/// address is a loopback one (127.0.0.1, [::1], localhost).
/// </summary>
public static class ListenAddressCheck
{
    /// <summary>One line per address that may not be used, with what to do instead; empty when all are fine.</summary>
    /// <param name="urls">The addresses Kestrel will listen on (the <c>urls</c> setting).</param>
    /// <param name="allowHttpOnLoopback">Whether plain HTTP was allowed for loopback.</param>
    public static IReadOnlyList<string> Problems(IEnumerable<string> urls, bool allowHttpOnLoopback)
    {
        if (urls is null)
        {
            throw new ArgumentNullException(nameof(urls));
        }

        var problems = new List<string>();
        foreach (string url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? parsed))
            {
                problems.Add($"Listening address '{url}' is not a URL. Use e.g. https://0.0.0.0:8443.");
                continue;
            }

            if (parsed.Scheme == Uri.UriSchemeHttps)
            {
                continue;
            }

            if (parsed.Scheme != Uri.UriSchemeHttp)
            {
                problems.Add($"Listening address '{url}' must start with https://.");
            }
            else if (!allowHttpOnLoopback)
            {
                problems.Add($"Listening address '{url}' is plain HTTP. The service accepts HTTPS only: use https:// with a certificate (see docs/OUTLOOK-ADDIN.md).");
            }
            else if (!IsLoopback(parsed.Host))
            {
                problems.Add($"Listening address '{url}' is plain HTTP on a network address. HTTP is allowed only on 127.0.0.1 for testing: use https:// for anything else.");
            }
        }

        return problems;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
