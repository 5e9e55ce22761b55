using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;
using SecureMailGate.Logging;

namespace SecureMailGate.Cli.Commands;

/// <summary>
/// <c>securemailgate config validate &lt;file&gt; [--nlog &lt;NLog.config&gt;]</c>: check a policy file, and the logging
/// configuration that carries the audit trail, before deploying them.
/// </summary>
internal static class ConfigValidateCommand
{
    /// <summary>The logging configuration looked for beside the policy file, as the agent keeps them.</summary>
    public const string NLogConfigFileName = "NLog.config";

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The policy file (securemailgate.json)." };
        var nlog = new Option<string?>("--nlog")
        {
            Description = "The NLog.config to check. Without it, the NLog.config beside the policy file is checked when there is one.",
        };
        var validate = new Command("validate", "Check a policy file, its accredited list and the logging configuration; nothing is changed.") { file, nlog };
        validate.SetAction(result => context.Guard(() =>
        {
            string path = result.GetValue(file)!;
            PolicyOptions options = PolicyConfigurationLoader.LoadFile(path);
            context.Out.WriteLine(
                $"{path} is valid: mode {options.Mode.ToWireName()}, " +
                $"{options.InternalDomains.Count} internal domain(s), {options.AccreditedDomains.Count} accredited entr(y/ies), " +
                $"encryption {Encryption(options.Encryption)}, " +
                $"failure mode {(options.FailureMode == FailureMode.Defer ? "defer" : "allow")}, version {options.Version}.");
            return CheckLogging(context, path, result.GetValue(nlog) ?? BesidePolicy(path));
        }));
        return new Command("config", "Work with policy files.") { validate };
    }

    /// <summary>The NLog.config beside <paramref name="policyPath"/>, or null when there is none.</summary>
    internal static string? BesidePolicy(string policyPath)
    {
        string beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(policyPath)) ?? ".", NLogConfigFileName);
        return File.Exists(beside) ? beside : null;
    }

    private static int CheckLogging(CliContext context, string policyPath, string? nlogPath)
    {
        if (nlogPath is null)
        {
            context.Out.WriteLine($"Logging configuration not checked: there is no {NLogConfigFileName} beside {policyPath}; give --nlog <path> to check the one the agent uses.");
            return ExitCodes.Ok;
        }

        IReadOnlyList<string> problems = AuditTrailCheck.Problems(nlogPath);
        if (problems.Count == 0)
        {
            context.Out.WriteLine($"{nlogPath} is valid: the audit trail is written synchronously to a file in a folder that can be written.");
            return ExitCodes.Ok;
        }

        foreach (string problem in problems)
        {
            context.Error.WriteLine("securemailgate: " + problem);
        }

        return ExitCodes.InputOrConfig;
    }

    private static string Encryption(EncryptionOptions encryption) =>
        !encryption.Enabled ? "off (sensitive mail to insecure recipients is blocked)"
        : encryption.Connector is { } connector ? $"on with token {encryption.Token} through the send connector for {connector}"
        : "on with token " + encryption.Token;
}
