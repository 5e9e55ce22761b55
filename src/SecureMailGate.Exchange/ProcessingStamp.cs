using System.Linq;
using ExchangeHeaders = Microsoft.Exchange.Data.Mime.HeaderList;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>
/// The verdict stamp: an organisation header that Exchange keeps between its own servers and strips at the
/// organisation boundary (and from anything users submit), so it never leaks and cannot be forged from outside.
/// A message carrying it has been decided already: a forked copy, a message re-raised on the next server, or our
/// own notice. It makes processing idempotent.
/// </summary>
internal static class ProcessingStamp
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "X-MS-Exchange-Organization-SecureMailGate";

    /// <summary>True when the message already carries the stamp.</summary>
    public static bool IsPresent(ExchangeHeaders headers) => headers.FindFirst(HeaderName) is not null;

    /// <summary>The stamp for a decided message.</summary>
    public static string ForVerdict(Verdict verdict, bool enforced, bool tokenAdded)
    {
        var mode = verdict.Mode.ToWireName();
        return $"v=1; mode={mode}; enforced={(enforced ? "yes" : "no")}; token-added={(tokenAdded ? "yes" : "no")}; policy={Token(verdict.PolicyVersion)}";
    }

    /// <summary>The stamp on a notice the agent itself sends.</summary>
    public const string ForNotice = "v=1; notice=warn";

    private static string Token(string value) =>
        new(value.Where(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_').Take(64).ToArray());
}
