namespace SecureMailGate.Core.Audit;

/// <summary>The <c>outcome</c> values of a configuration audit line (<see cref="ConfigurationAuditRecord"/>).</summary>
public static class ConfigurationOutcome
{
    /// <summary>The file was valid and is now in force.</summary>
    public const string Applied = "applied";

    /// <summary>The file was invalid or could not be used; the previous policy (if any) stays in force.</summary>
    public const string Rejected = "rejected";

    /// <summary>There is no configuration file and none was ever loaded: the built-in defaults are in force.</summary>
    public const string BuiltIn = "built-in";

    /// <summary>The configuration file disappeared; the last good policy stays in force.</summary>
    public const string Missing = "missing";
}
