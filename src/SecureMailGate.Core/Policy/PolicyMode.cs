namespace SecureMailGate.Core.Policy;

/// <summary>Whether decisions are enforced or only recorded.</summary>
public enum PolicyMode
{
    /// <summary>Decisions are applied (<c>enforce</c>).</summary>
    Enforce,

    /// <summary>Decisions are computed and recorded but none is enforced (<c>monitor</c>), for roll-out.</summary>
    Monitor,
}
