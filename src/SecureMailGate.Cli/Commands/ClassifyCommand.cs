using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SecureMailGate.Cli.Output;
using SecureMailGate.Core;
using SecureMailGate.Core.Addressing;
using Spectre.Console;

namespace SecureMailGate.Cli.Commands;

/// <summary><c>securemailgate classify &lt;address-or-domain&gt;...</c>: the tier of each argument.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CommonOptions common, CliContext context)
    {
        var inputs = new Argument<string[]>("address-or-domain")
        {
            Description = "Addresses (a@nhs.net, 'Tom <tom@nhs.net>'), domains (gmail.com) or @domains (@nhs.net) to classify.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("classify", "Show the recipient tier of addresses or domains under the policy.")
        {
            inputs, common.Config, common.Now, common.Json,
        };
        command.SetAction(result => context.Guard(() =>
        {
            SecureMailGateEngine engine = common.CreateEngine(result, context.Clock);
            // 'Tom <tom@nhs.net>', as copied from a mail client, is classified by its address; the input is shown as given.
            TierClassification[] classified = result.GetValue(inputs)!.Select(i => engine.Classify(AddressInput.ForClassify(i)) with { Input = i }).ToArray();
            if (result.GetValue(common.Json))
            {
                context.Out.WriteLine(VerdictJson.Write(classified));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Input", "Domain", "Tier");
            foreach (TierClassification c in classified)
            {
                table.AddRow(Markup.Escape(c.Input), Markup.Escape(c.Domain ?? "(invalid)"), c.Tier.ToWireName());
            }

            ConsoleFactory.Create(context.Out, context.Interactive).Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
