using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>Hides a built-in detector from the scanner, so it scans whole chunks: the reference the candidate windows must match.</summary>
internal sealed class OpaqueDetector : IDetector
{
    private readonly IDetector _inner;

    public OpaqueDetector(IDetector inner) => _inner = inner;

    public void Detect(TextWindow window, ICollection<Finding> findings) => _inner.Detect(window, findings);

    public void DetectInCell(string cell, bool headerHasKeyword, string location, ICollection<Finding> findings) =>
        _inner.DetectInCell(cell, headerHasKeyword, location, findings);

    public bool IsContextHeader(string header) => _inner.IsContextHeader(header);
}
