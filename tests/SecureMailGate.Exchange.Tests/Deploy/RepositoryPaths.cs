using System.IO;
using NUnit.Framework;

namespace SecureMailGate.Exchange.Tests.Deploy;

internal static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    public static string Deploy { get; } = Path.Combine(Root, "deploy");
}
