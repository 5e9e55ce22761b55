using System;
using System.Collections.Generic;

namespace SecureMailGate.OutlookAddin.Tests.Support;

/// <summary>What happened when the sender selected Send: the handler's <c>event.completed</c> options and the item afterwards.</summary>
/// <param name="AllowEvent">Whether Outlook sends the message.</param>
/// <param name="ErrorMessage">The text of the Smart Alerts dialog the sender sees, if any.</param>
/// <param name="SendModeOverride">The send mode chosen at run time (<c>promptUser</c> offers Send Anyway), if any.</param>
/// <param name="Subject">The subject after the handler finished.</param>
/// <param name="Completions">How many times event.completed was called (must be 1).</param>
/// <param name="Logs">What the handler wrote to the console.</param>
/// <param name="Elapsed">How long the sender waited.</param>
/// <param name="CancelLabel">The dialog's custom button text, if any.</param>
/// <param name="CommandId">The task pane that button opens, if any.</param>
public sealed record SentMessage(bool AllowEvent, string? ErrorMessage, string? SendModeOverride, string Subject, int Completions, IReadOnlyList<string> Logs, TimeSpan Elapsed, string? CancelLabel = null, string? CommandId = null)
{
    /// <summary>What the sender sees, in words, for the test output.</summary>
    public string Shown =>
        AllowEvent
            ? "(sent; no dialog)"
            : $"[{(SendModeOverride == "promptUser" ? "Send Anyway | Don't Send" : CancelLabel is null ? "Don't Send" : CancelLabel + " | Don't Send")}] {ErrorMessage}\n  subject now: {Subject}";
}
