using System.Linq;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using Spectre.Console;

namespace SecureMailGate.Cli.Output;

/// <summary>The human view of a verdict: what was found, then what happens to each recipient and why.</summary>
internal static class VerdictTable
{
    public static void Write(IAnsiConsole console, Verdict verdict, string? sender)
    {
        console.MarkupLine($"Message:   {Markup.Escape(verdict.MessageId ?? "(no Message-ID)")}");
        console.MarkupLine($"Sender:    {Markup.Escape(sender ?? "(none)")}");
        string sensitivity = verdict.Sensitive ? "[red]sensitive[/]" : "[green]not sensitive[/]";
        console.MarkupLine($"Verdict:   {sensitivity}, {verdict.Findings.Count} finding(s), mode {verdict.Mode.ToWireName()}, {verdict.Elapsed.TotalMilliseconds:0} ms");
        if (verdict.Mode == PolicyMode.Monitor)
        {
            console.MarkupLine("[yellow]Monitor mode: these decisions are recorded, not enforced.[/]");
        }

        if (verdict.Findings.Count > 0)
        {
            var findings = new Table().Title("Findings").AddColumns("Kind", "Location", "Confidence", "Why not inspected");
            foreach (Finding f in verdict.Findings)
            {
                findings.AddRow(Markup.Escape(f.Kind), Markup.Escape(f.Location), f.Confidence.ToWireName(), Markup.Escape(f.Reason ?? string.Empty));
            }

            console.Write(findings);
        }

        var recipients = new Table().Title("Recipients").AddColumns("Recipient", "Tier", "Action", "Reasons");
        foreach (RecipientDecision d in verdict.Decisions)
        {
            recipients.AddRow(
                Markup.Escape(d.Address),
                d.Tier.ToWireName(),
                Colour(d.Action),
                Markup.Escape(string.Join(", ", d.Reasons)));
        }

        if (verdict.Decisions.Count == 0)
        {
            console.MarkupLine("No recipients: give them with --recipient, or add To/Cc/Bcc to the message.");
        }
        else
        {
            console.Write(recipients);
        }

        if (verdict.ExemptionsUsed.Count > 0)
        {
            console.MarkupLine($"Exemptions used: {Markup.Escape(string.Join(", ", verdict.ExemptionsUsed))}");
        }
    }

    private static string Colour(RecipientAction action) => action switch
    {
        RecipientAction.Allow => "[green]allow[/]",
        RecipientAction.Warn => "[yellow]warn[/]",
        RecipientAction.Encrypt => "[blue]encrypt[/]",
        _ => "[red]block[/]",
    };
}
