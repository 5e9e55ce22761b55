using System.Collections.Generic;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>An NLog factory that keeps every line in memory: "Level|Logger|message|exception message".</summary>
internal sealed class TestLog
{
    private readonly MemoryTarget memory = new("memory")
    {
        Layout = "${level}|${logger}|${message}${onexception:|${exception:format=message}}",
    };

    public TestLog(bool throwExceptions = false)
    {
        Factory = new LogFactory { ThrowExceptions = throwExceptions };
        var config = new LoggingConfiguration(Factory);
        config.AddRuleForAllLevels(memory);
        Factory.Configuration = config;
        Agent = Factory.GetLogger("SecureMailGate.Agent");
        Audit = Factory.GetLogger("SecureMailGate.Audit");
    }

    public LogFactory Factory { get; }

    public Logger Agent { get; }

    public Logger Audit { get; }

    public IList<string> Lines => memory.Logs;
}
