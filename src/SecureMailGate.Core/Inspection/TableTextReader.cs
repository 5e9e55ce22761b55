using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Presents table rows as tab-separated text for the scanner and, as each row passes, runs the header rule:
/// cells under a header holding a detector's keyword are checked at <c>high</c>.
/// </summary>
internal sealed class TableTextReader : TextReader
{
    private readonly IEnumerator<IReadOnlyList<string>> _rows;
    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly string _location;
    private readonly ICollection<Finding> _findings;
    private readonly InspectionBudget _budget;
    private readonly StringBuilder _pending = new();
    private bool[][]? _keyColumns;
    private int _pendingIndex;

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

    public override int Read(char[] buffer, int index, int count)
    {
        while (_pendingIndex >= _pending.Length)
        {
            _pending.Clear();
            _pendingIndex = 0;
            if (!_rows.MoveNext())
            {
                return 0;
            }

            AddRow(_rows.Current ?? Array.Empty<string>());
        }

        int n = Math.Min(count, _pending.Length - _pendingIndex);
        _pending.CopyTo(_pendingIndex, buffer, index, n);
        _pendingIndex += n;
        return n;
    }

    public override int Read()
    {
        char[] one = new char[1];
        return Read(one, 0, 1) == 0 ? -1 : one[0];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
        }

        base.Dispose(disposing);
    }

    private void AddRow(IReadOnlyList<string> row)
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
                _pending.Append('\t');
            }

            _pending.Append(row[c]);
        }

        _pending.Append('\n');
        _budget.CheckTime();
    }
}
