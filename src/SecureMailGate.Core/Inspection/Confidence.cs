namespace SecureMailGate.Core.Inspection;

/// <summary>How sure a detector is that a finding is real. Ordered: <c>low</c> &lt; <c>medium</c> &lt; <c>high</c>.</summary>
public enum Confidence
{
    /// <summary><c>low</c></summary>
    Low = 0,

    /// <summary><c>medium</c></summary>
    Medium = 1,

    /// <summary><c>high</c></summary>
    High = 2,
}
