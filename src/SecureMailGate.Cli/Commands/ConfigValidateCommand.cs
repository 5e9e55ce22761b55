using System.CommandLine;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Cli.Commands;

/// <summary><c>securemailgate config validate &lt;file&gt;</c>: check a policy file before deploying it.</summary>
internal static class ConfigValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The policy file (securemailgate.json)." };
        var validate = new Command("validate", "Check a policy file and its accredited list; nothing is changed.") { file };
        validate.SetAction(result => context.Guard(() =>
        {
            string path = result.GetValue(file)!;
            PolicyOptions options = PolicyConfigurationLoader.LoadFile(path);
            context.Out.WriteLine(
                $"{path} is valid: mode {options.Mode.ToWireName()}, " +
                $"{options.InternalDomains.Count} internal domain(s), {options.AccreditedDomains.Count} accredited entr(y/ies), " +
                $"encryption {Encryption(options.Encryption)}, " +
                $"failure mode {(options.FailureMode == FailureMode.Defer ? "defer" : "allow")}, version {options.Version}.");
            return ExitCodes.Ok;
        }));
        return new Command("config", "Work with policy files.") { validate };
    }

    private static string Encryption(EncryptionOptions encryption) =>
        !encryption.Enabled ? "off (sensitive mail to insecure recipients is blocked)"
        : encryption.Connector is { } connector ? $"on with token {encryption.Token} through the send connector for {connector}"
        : "on with token " + encryption.Token;
}
