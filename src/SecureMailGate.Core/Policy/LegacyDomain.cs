using System;

namespace SecureMailGate.Core.Policy;

/// <summary>A legacy secure domain and the day it stopped being one (null: never retires).</summary>
/// <param name="Domain">Normalised domain; its sub-domains are covered too.</param>
/// <param name="RetiredOn">First day on which the domain counts as <c>retired</c>; null if it never retires.</param>
public sealed record LegacyDomain(string Domain, DateTime? RetiredOn);
