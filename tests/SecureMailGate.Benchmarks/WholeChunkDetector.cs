using System.Collections.Generic;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Benchmarks;

/// <summary>Hides a built-in detector from the scanner so it hands over every whole chunk: the old cost, as a baseline.</summary>
internal sealed class WholeChunkDetector : IDetector
{
    private readonly IDetector _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public WholeChunkDetector(IDetector inner) => _inner = inner;

    /// <inheritdoc />
    public void Detect(TextWindow window, ICollection<Finding> findings) => _inner.Detect(window, findings);

    /// <inheritdoc />
    public void DetectInCell(string cell, bool headerHasKeyword, string location, ICollection<Finding> findings) =>
        _inner.DetectInCell(cell, headerHasKeyword, location, findings);

    /// <inheritdoc />
    public bool IsContextHeader(string header) => _inner.IsContextHeader(header);
}
