using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NLog;
using NLog.Config;
using NLog.Targets;
using NLog.Targets.Wrappers;

namespace SecureMailGate.Logging;

/// <summary>Follows the audit logger's Info events through a configuration's rules and checks where they end up.</summary>
internal static class AuditRoute
{
    private const string FolderNextStep = "create the folder and give NETWORK SERVICE modify rights, or point fileName at a writable folder";

    /// <summary>The problems with the audit trail of <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The loaded configuration.</param>
    /// <param name="loggerName">The audit logger.</param>
    /// <param name="describe">Turns a target name (or null) and a problem into the reported line.</param>
    /// <param name="standIns">Targets NLog could not create here, by name, with their configured type.</param>
    public static IReadOnlyList<string> Problems(LoggingConfiguration configuration, string loggerName, Func<string?, string, string> describe, IReadOnlyDictionary<string, string> standIns)
    {
        var sample = LogEventInfo.Create(LogLevel.Info, loggerName, "SecureMailGate audit trail check");
        var problems = new List<string>();
        var files = new List<(FileTarget Target, string? Name)>();
        var others = new List<(Target Target, string? Name)>();
        foreach (Target target in Targets(configuration.LoggingRules, loggerName).Distinct())
        {
            Visit(target, null, loggerName, describe, problems, files, others);
        }

        if (files.Count == 0 && others.Count == 0 && problems.Count == 0)
        {
            problems.Add(describe(null, $"no rule sends logger {loggerName} at level Info to a target, so there would be no audit trail; add <logger name=\"{loggerName}\" minlevel=\"Info\" writeTo=\"auditFile\" final=\"true\" /> and its File target as in the NLog.config that ships with SecureMailGate."));
        }
        else if (files.Count == 0)
        {
            foreach ((Target other, string? name) in others)
            {
                problems.Add(describe(name, standIns.TryGetValue(name ?? string.Empty, out string? type)
                    ? $"the audit trail is not written to a file: logger {loggerName} goes to target '{name}' of type '{type}', which NLog cannot create here; send it to a File target as the shipped NLog.config does."
                    : $"the audit trail is not written to a file: logger {loggerName} goes to target '{name}' ({other.GetType().Name}); send it to a File target as the shipped NLog.config does."));
            }
        }

        problems.AddRange(files.Select(file => FileProblem(file.Target, file.Name, sample, describe)).OfType<string>());
        return problems;
    }

    /// <summary>
    /// The targets NLog would give an Info event of <paramref name="loggerName"/>, honouring final rules. Nested
    /// child rules are not followed (NLog itself marks them obsolete).
    /// </summary>
    private static IEnumerable<Target> Targets(IEnumerable<LoggingRule> rules, string loggerName)
    {
        foreach (LoggingRule rule in rules.Where(r => r.NameMatches(loggerName)))
        {
            bool logs = rule.IsLoggingEnabledForLevel(LogLevel.Info);
            if (logs)
            {
                foreach (Target target in rule.Targets)
                {
                    yield return target;
                }
            }

            if ((logs && rule.Final) || (rule.FinalMinLevel is { } finalMin && LogLevel.Info < finalMin))
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Sorts a target and what it wraps into files and others, reporting asynchronous wrappers. A target NLog named
    /// <c>x_wrapped</c> (behind <c>async="true"</c> or a default wrapper) is reported under its configured name, x.
    /// </summary>
    private static void Visit(Target? target, string? outerName, string loggerName, Func<string?, string, string> describe, List<string> problems, List<(FileTarget, string?)> files, List<(Target, string?)> others)
    {
        string? name = outerName is not null && target?.Name is { } own && own.EndsWith("_wrapped", StringComparison.Ordinal) ? outerName : target?.Name;
        switch (target)
        {
            case null:
                break;
            case AsyncTargetWrapper or BufferingTargetWrapper:
                problems.Add(describe(name, $"the audit target '{name}' is written asynchronously, so a failed audit write would not be seen; remove async=\"true\" from <targets> (or the AsyncWrapper/BufferingWrapper around it) for logger {loggerName}."));
                Visit(((WrapperTargetBase)target).WrappedTarget, name, loggerName, describe, problems, files, others);
                break;
            case WrapperTargetBase wrapper:
                Visit(wrapper.WrappedTarget, name, loggerName, describe, problems, files, others);
                break;
            case CompoundTargetBase compound:
                foreach (Target inner in compound.Targets)
                {
                    Visit(inner, name, loggerName, describe, problems, files, others);
                }

                break;
            case FileTarget file:
                files.Add((file, name));
                break;
            default:
                others.Add((target, name));
                break;
        }
    }

    private static string? FileProblem(FileTarget file, string? name, LogEventInfo sample, Func<string?, string, string> describe)
    {
        string rendered = file.FileName?.Render(sample)?.Trim() ?? string.Empty;
        if (rendered.Length == 0)
        {
            return describe(name, $"the audit target '{name}' has no fileName; set fileName to a file in a writable folder, such as ${{nlogdir}}/logs/audit-${{shortdate}}.jsonl.");
        }

        if (!Path.IsPathRooted(rendered))
        {
            return describe(name, $"the audit target '{name}' has a relative fileName, which Exchange transport would resolve against its own folder; start fileName with ${{nlogdir}}/ (the agent's folder) or give a full path.");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(rendered));
        string? problem = folder is null ? "it names no folder" : FolderProbe.Problem(folder, file.CreateDirs);
        return problem is null ? null : describe(name, $"the audit trail of target '{name}' cannot be written: {problem}; {FolderNextStep}.");
    }
}
