using System;
using MimeKit;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>One hostile e-mail: how to build it, and the finding kind that must explain its verdict.</summary>
/// <param name="Name">What is hostile about it (shown as the test name).</param>
/// <param name="Build">Builds the message; run on the small stack too, since building may parse.</param>
/// <param name="ExpectedKind">The finding the engine must report.</param>
internal sealed record HostileCase(string Name, Func<MimeMessage> Build, string ExpectedKind)
{
    public override string ToString() => Name;
}
