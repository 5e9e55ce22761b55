namespace SecureMailGate.Service.Evaluation;

/// <summary>What the add-in does with the message and the words it shows the sender.</summary>
/// <param name="Action">
/// <c>allow</c> (send), <c>encrypt</c> (put <paramref name="Subject"/> in place, explain, let them send again),
/// <c>block</c> (stop and explain) or <c>warn</c> (explain and offer Send Anyway).
/// </param>
/// <param name="Message">The text for Outlook's Smart Alerts dialog (at most <see cref="SenderPrompt.MaxDialogLength"/> characters); null for <c>allow</c>.</param>
/// <param name="Details">The full explanation, recipient by recipient (for the task pane); null for <c>allow</c>.</param>
/// <param name="Subject">For <c>encrypt</c>: the subject with the encryption token in front, as the gateway would set it.</param>
/// <param name="Token">The organisation's encryption token (e.g. <c>[secure]</c>), so the add-in can ask the sender to add it if it cannot.</param>
public sealed record SenderPrompt(string Action, string? Message, string? Details, string? Subject, string Token)
{
    /// <summary>Outlook shows at most 500 characters in a Smart Alerts dialog.</summary>
    public const int MaxDialogLength = 500;
}
