using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Cli.Output;

/// <summary>The JSON and table names of engine values (POLICY.md names, used exactly).</summary>
internal static class WireNames
{
    public static string Of(RecipientAction action) => action switch
    {
        RecipientAction.Allow => "allow",
        RecipientAction.Warn => "warn",
        RecipientAction.Encrypt => "encrypt",
        _ => "block",
    };

    public static string Of(Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        _ => "high",
    };

    public static string Of(PolicyMode mode) => mode == PolicyMode.Monitor ? "monitor" : "enforce";
}
