namespace SecureMailGate.Core.Policy;

/// <summary>What a host does when deciding fails (POLICY §6).</summary>
public enum FailureMode
{
    /// <summary>Keep the message queued and retry later; nothing is lost (<c>defer</c>, the default).</summary>
    Defer,

    /// <summary>Deliver the message and log the failure (<c>allow</c>).</summary>
    Allow,
}
