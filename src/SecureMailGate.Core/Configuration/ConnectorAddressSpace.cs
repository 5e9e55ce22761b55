using System;
using System.Linq;

namespace SecureMailGate.Core.Configuration;

/// <summary>
/// The rule for <c>encryption.connector</c> (POLICY §7): the address space of the send connector that
/// <c>encrypt</c> recipients are routed through, read the way Exchange's <c>RoutingDomain(string)</c> reads it.
/// Exchange rejects spaces, takes <c>host:25</c> as routing type <c>host</c> with domain <c>25</c>, and treats a
/// word without a dot as a domain that no connector matches, so only a plain domain name is accepted.
/// </summary>
public static class ConnectorAddressSpace
{
    private const string NextStep = "give the address space of the send connector, such as securemailgate.encrypt";
    private const int MaxLength = 255;
    private const int MaxLabelLength = 63;

    /// <summary>The connector as it should be given to Exchange: trimmed, with one trailing dot removed.</summary>
    /// <param name="connector">The configured value; must have no <see cref="Problem"/>.</param>
    /// <returns>The address space.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connector"/> is null.</exception>
    public static string Normalize(string connector)
    {
        if (connector is null)
        {
            throw new ArgumentNullException(nameof(connector));
        }

        string trimmed = connector.Trim();
        return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed.Substring(0, trimmed.Length - 1) : trimmed;
    }

    /// <summary>
    /// What is wrong with a configured connector, in plain English with the next step, or null when it is usable.
    /// Null (no connector) is usable. Leading and trailing white space is ignored, and so is one trailing dot.
    /// </summary>
    /// <param name="connector">The configured value, or null for none.</param>
    /// <returns>The problem, e.g. <c>spaces are not allowed; give the address space ...</c>, or null.</returns>
    public static string? Problem(string? connector)
    {
        if (connector is null)
        {
            return null;
        }

        string text = connector.Trim();
        if (text.Length == 0)
        {
            return $"it is empty; {NextStep}, or null for no connector";
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return $"spaces are not allowed; {NextStep}";
        }

        if (text.IndexOf('[') >= 0 || text.IndexOf(']') >= 0)
        {
            return $"an IP address is not an address space; {NextStep}";
        }

        if (text.IndexOf(':') >= 0)
        {
            return $"a port is not part of an address space (Exchange would read the part before the colon as a routing type); {NextStep}";
        }

        return NameProblem(Normalize(text));
    }

    private static string? NameProblem(string name)
    {
        if (name.Length > MaxLength)
        {
            return $"it is {name.Length} characters long and a domain name has at most {MaxLength}; {NextStep}";
        }

        char bad = name.FirstOrDefault(c => !IsNameCharacter(c));
        if (bad != default)
        {
            return $"the character '{bad}' is not allowed: a domain name has only letters, digits, hyphens and dots; {NextStep}";
        }

        string[] labels = name.Split('.');
        if (labels.Length < 2)
        {
            return $"it has no dot: Exchange would read it as a domain that no send connector's address space matches; {NextStep}";
        }

        return labels.Select(LabelProblem).FirstOrDefault(p => p is not null)
            ?? (labels[labels.Length - 1].All(IsAsciiDigit) ? $"an IP address is not an address space; {NextStep}" : null);
    }

    private static string? LabelProblem(string label) =>
        label.Length == 0 ? $"it has an empty part between dots; {NextStep}"
        : label.Length > MaxLabelLength ? $"the part '{label}' is longer than {MaxLabelLength} characters; {NextStep}"
        : label[0] == '-' || label[label.Length - 1] == '-' ? $"the part '{label}' starts or ends with a hyphen; {NextStep}"
        : null;

    private static bool IsNameCharacter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '-' or '.' || IsAsciiDigit(c);

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
}
