using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Presents table rows as tab-separated text for the scanner and, as each row passes, runs the header rule:
/// cells under a header holding a detector's keyword are checked at <c>high</c>.
/// </summary>
internal sealed class TableTextReader : PullTextReader
{
    private readonly IEnumerator<IReadOnlyList<string>> _rows;
    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly string _location;
    private readonly ICollection<Finding> _findings;
    private readonly InspectionBudget _budget;
    private bool[][]? _keyColumns;

    public TableTextReader(
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<IDetector> detectors,
        string location,
        ICollection<Finding> findings,
        InspectionBudget budget)
    {
        _rows = rows.GetEnumerator();
        _detectors = detectors;
        _location = location;
        _findings = findings;
        _budget = budget;
    }

    protected override bool ReadNext(StringBuilder pending)
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        AddRow(_rows.Current ?? Array.Empty<string>(), pending);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
        }

        base.Dispose(disposing);
    }

    private void AddRow(IReadOnlyList<string> row, StringBuilder pending)
    {
        if (_keyColumns is null)
        {
            _keyColumns = new bool[_detectors.Count][];
            for (int d = 0; d < _detectors.Count; d++)
            {
                _keyColumns[d] = new bool[row.Count];
                for (int c = 0; c < row.Count; c++)
                {
                    _keyColumns[d][c] = _detectors[d].IsContextHeader(row[c] ?? string.Empty);
                }
            }
        }
        else
        {
            for (int d = 0; d < _detectors.Count; d++)
            {
                bool[] keys = _keyColumns[d];
                for (int c = 0; c < row.Count && c < keys.Length; c++)
                {
                    if (keys[c] && !string.IsNullOrEmpty(row[c]))
                    {
                        _detectors[d].DetectInCell(row[c], headerHasKeyword: true, _location, _findings);
                    }
                }
            }
        }

        for (int c = 0; c < row.Count; c++)
        {
            if (c > 0)
            {
                pending.Append('\t');
            }

            pending.Append(row[c]);
        }

        pending.Append('\n');
        _budget.CheckTime();
    }
}
