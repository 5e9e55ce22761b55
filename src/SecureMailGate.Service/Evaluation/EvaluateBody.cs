namespace SecureMailGate.Service.Evaluation;

/// <summary>The body of the message being composed.</summary>
public sealed record EvaluateBody
{
    /// <summary><c>html</c> or <c>text</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The body as Outlook returns it for that type.</summary>
    public string? Content { get; init; }
}
