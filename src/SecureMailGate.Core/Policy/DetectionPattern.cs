using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Policy;

/// <summary>An administrator-defined detector (POLICY §2, §7 <c>detection.patterns</c>).</summary>
/// <param name="Name">Finding kind reported when it matches.</param>
/// <param name="Regex">.NET regular expression.</param>
/// <param name="Keywords">Context keywords; empty means every match counts at <paramref name="Confidence"/>.</param>
/// <param name="Proximity">Characters either side of a match in which a keyword must appear.</param>
/// <param name="Confidence">Confidence of a match (with a keyword nearby, when keywords are given).</param>
public sealed record DetectionPattern(
    string Name,
    string Regex,
    IReadOnlyList<string> Keywords,
    int Proximity = 300,
    Confidence Confidence = Confidence.High);
