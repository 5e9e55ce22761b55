using System;
using SecureMailGate.Core;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Benchmarks;

/// <summary>The engine as the corpus's sender would configure it: its own domain internal, defaults otherwise.</summary>
internal static class EngineFor
{
    /// <summary>A new engine for <see cref="ClinicCorpus"/>.</summary>
    /// <returns>The engine.</returns>
    public static SecureMailGateEngine Corpus() =>
        new(PolicyOptions.Default with { InternalDomains = new[] { ClinicCorpus.InternalDomain } }, TimeProvider.System);
}
