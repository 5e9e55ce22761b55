using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection;

/// <summary>Finds one kind of sensitive data in text. Implementations are stateless and thread-safe.</summary>
public interface IDetector
{
    /// <summary>Reports a finding for every match that starts inside the window's region.</summary>
    /// <param name="window">The text and the region to report on.</param>
    /// <param name="findings">Receives the findings.</param>
    void Detect(TextWindow window, ICollection<Finding> findings);

    /// <summary>
    /// Reports findings for one table column whose header holds a context keyword: every valid value in
    /// <paramref name="cell"/> counts as <c>high</c> however far it is from the header (POLICY §2, tables).
    /// </summary>
    /// <param name="cell">One cell's text.</param>
    /// <param name="headerHasKeyword">Whether the column header holds one of this detector's keywords.</param>
    /// <param name="location">Where the table came from.</param>
    /// <param name="findings">Receives the findings.</param>
    void DetectInCell(string cell, bool headerHasKeyword, string location, ICollection<Finding> findings);

    /// <summary>Whether <paramref name="header"/> holds one of this detector's context keywords.</summary>
    bool IsContextHeader(string header);
}
