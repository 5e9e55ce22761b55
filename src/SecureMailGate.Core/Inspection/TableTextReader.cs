using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Presents table rows as tab-separated text for the scanner and, as each row passes, runs the header rule:
/// cells under a header holding a detector's keyword are checked at <c>high</c>. Rows arrive in a reused
/// <see cref="TableRow"/>; field text goes to the scanner without a string per field, and a string is made only for
/// the header cells (<see cref="IDetector.IsContextHeader"/>) and for non-empty cells under a keyword header
/// (<see cref="IDetector.DetectInCell"/>).
/// </summary>
internal sealed class TableTextReader : PullTextReader
{
    private readonly IEnumerator<TableRow> _rows;
    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly string _location;
    private readonly ICollection<Finding> _findings;
    private readonly InspectionBudget _budget;
    private bool[][]? _keyColumns;

    public TableTextReader(
        IEnumerable<TableRow> rows,
        IReadOnlyList<IDetector> detectors,
        string location,
        ICollection<Finding> findings,
        InspectionBudget budget)
    {
        _rows = (rows ?? throw new ArgumentNullException(nameof(rows))).GetEnumerator();
        _detectors = detectors ?? throw new ArgumentNullException(nameof(detectors));
        _location = location ?? throw new ArgumentNullException(nameof(location));
        _findings = findings ?? throw new ArgumentNullException(nameof(findings));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
    }

    protected override bool ReadNext(StringBuilder pending)
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        AddRow(_rows.Current, pending);
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

    private void AddRow(TableRow row, StringBuilder pending)
    {
        if (_keyColumns is null)
        {
            _keyColumns = new bool[_detectors.Count][];
            string[] headers = new string[row.Count];
            for (int c = 0; c < row.Count; c++)
            {
                headers[c] = row.FieldString(c);
            }

            for (int d = 0; d < _detectors.Count; d++)
            {
                _keyColumns[d] = new bool[row.Count];
                for (int c = 0; c < row.Count; c++)
                {
                    _keyColumns[d][c] = _detectors[d].IsContextHeader(headers[c]);
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
                    if (keys[c] && row.FieldLength(c) > 0)
                    {
                        _detectors[d].DetectInCell(row.FieldString(c), headerHasKeyword: true, _location, _findings);
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

            row.AppendField(c, pending);
        }

        pending.Append('\n');
        _budget.CheckTime();
    }
}
