using System;
using System.Collections.Generic;
using System.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// One table row held in a single reusable character buffer with field offsets, so a table streams through the
/// scanner without a string per field. A producer fills it (<see cref="Append(char)"/>, <see cref="EndField"/>),
/// hands it out, and clears it for the next row: a consumer reads a row before asking for the next one and keeps
/// nothing of it. Strings are made only on request (<see cref="FieldString"/>), for the few places an API needs one.
/// </summary>
internal sealed class TableRow
{
    private char[] _chars = new char[256];
    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private int _length;
    private int _fieldStart;
    private int _count;

    /// <summary>Fields in the row (the open field, if any, is not counted until <see cref="EndField"/>).</summary>
    public int Count => _count;

    /// <summary>Characters in the field being filled.</summary>
    public int OpenFieldLength => _length - _fieldStart;

    /// <summary>Characters in field <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <returns>Its length.</returns>
    public int FieldLength(int index)
    {
        CheckIndex(index);
        return _ends[index] - _starts[index];
    }

    /// <summary>Field <paramref name="index"/>'s characters, valid until the row changes.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <returns>The characters.</returns>
    public ReadOnlySpan<char> Field(int index)
    {
        CheckIndex(index);
        return new ReadOnlySpan<char>(_chars, _starts[index], _ends[index] - _starts[index]);
    }

    /// <summary>Field <paramref name="index"/> as a new string (<see cref="string.Empty"/> when empty).</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <returns>The string.</returns>
    public string FieldString(int index)
    {
        CheckIndex(index);
        int length = _ends[index] - _starts[index];
        return length == 0 ? string.Empty : new string(_chars, _starts[index], length);
    }

    /// <summary>Appends field <paramref name="index"/> to <paramref name="text"/> without making a string.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <param name="text">Where it goes.</param>
    public void AppendField(int index, StringBuilder text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        CheckIndex(index);
        text.Append(_chars, _starts[index], _ends[index] - _starts[index]);
    }

    /// <summary>Empties the row, keeping its buffers for the next one.</summary>
    public void Clear()
    {
        _length = 0;
        _fieldStart = 0;
        _count = 0;
    }

    /// <summary>Appends a character to the open field.</summary>
    /// <param name="c">The character.</param>
    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_length++] = c;
    }

    /// <summary>Appends characters to the open field.</summary>
    /// <param name="source">Where they are.</param>
    /// <param name="start">The first.</param>
    /// <param name="count">How many.</param>
    public void Append(char[] source, int start, int count)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        if (start < 0 || count < 0 || start > source.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        EnsureRoom(count);
        Array.Copy(source, start, _chars, _length, count);
        _length += count;
    }

    /// <summary>Closes the open field: it becomes field <see cref="Count"/> − 1, and a new empty field opens.</summary>
    public void EndField()
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _starts[_count] = _fieldStart;
        _ends[_count] = _length;
        _count++;
        _fieldStart = _length;
    }

    /// <summary>
    /// Rows given as strings (worksheet readers), each copied into one reused <see cref="TableRow"/>: a null row is
    /// an empty row, a null field an empty field.
    /// </summary>
    /// <param name="rows">The rows, read once, lazily.</param>
    /// <returns>The same rows, one reused instance.</returns>
    public static IEnumerable<TableRow> From(IEnumerable<IReadOnlyList<string>> rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        return Copy(rows);

        static IEnumerable<TableRow> Copy(IEnumerable<IReadOnlyList<string>> rows)
        {
            var row = new TableRow();
            foreach (IReadOnlyList<string>? cells in rows)
            {
                row.Clear();
                if (cells is not null)
                {
                    for (int i = 0; i < cells.Count; i++)
                    {
                        string? cell = cells[i];
                        if (!string.IsNullOrEmpty(cell))
                        {
                            row.EnsureRoom(cell!.Length);
                            cell.CopyTo(0, row._chars, row._length, cell.Length);
                            row._length += cell.Length;
                        }

                        row.EndField();
                    }
                }

                yield return row;
            }
        }
    }

    private void EnsureRoom(int count)
    {
        if (_chars.Length - _length < count)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + count));
        }
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
    }
}
