using System;
using System.Collections.Generic;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Splits delimited text into rows (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). The
/// delimiter is whichever of comma, semicolon, tab and pipe occurs most in the first line outside quotes (comma
/// when none does), because exports from UK clinical systems and Excel with regional settings use all of them.
/// Rows are produced lazily, each into one reused <see cref="TableRow"/> (a character buffer with field offsets, no
/// string per field); a field that never closes its quote is cut at <see cref="MaxFieldChars"/>, so one
/// broken line cannot hold the whole file in memory. A row of more than <see cref="MaxFields"/> fields or
/// <see cref="MaxRowChars"/> characters is an inspection limit: a line of empty fields (<c>,,,,</c>) would otherwise
/// grow one list without bound (a 50 MB line cost 1.1 GB).
/// </summary>
internal static class CsvRows
{
    /// <summary>Longest field kept whole.</summary>
    public const int MaxFieldChars = 1024 * 1024;

    /// <summary>Most fields in one row: Excel's column limit, far beyond any real export.</summary>
    public const int MaxFields = 16_384;

    /// <summary>Most characters in one row (all fields together): four fields of <see cref="MaxFieldChars"/>.</summary>
    public const int MaxRowChars = 4 * MaxFieldChars;

    private const int SniffChars = 16 * 1024;

    /// <summary>
    /// The rows of <paramref name="text"/>, each in one reused <see cref="TableRow"/> (no string per field): read a row
    /// before asking for the next.
    /// </summary>
    /// <param name="text">The text; not disposed.</param>
    /// <returns>The rows, lazily.</returns>
    /// <exception cref="InspectionLimitException">A row is longer than <see cref="MaxRowChars"/> or has more than <see cref="MaxFields"/> fields.</exception>
    public static IEnumerable<TableRow> Read(TextReader text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return ReadRows(text);
    }

    private static IEnumerable<TableRow> ReadRows(TextReader text)
    {
        char[] buffer = new char[SniffChars];
        int length = 0;
        int read;
        while (length < buffer.Length && (read = text.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        char delimiter = DetectDelimiter(buffer, length);
        int pos = 0;
        bool end = length == 0;
        var row = new TableRow();
        long rowChars = 0;

        int Next()
        {
            if (pos >= length)
            {
                if (end)
                {
                    return -1;
                }

                length = text.Read(buffer, 0, buffer.Length);
                pos = 0;
                if (length <= 0)
                {
                    end = true;
                    length = 0;
                    return -1;
                }
            }

            return buffer[pos++];
        }

        // Appends the rest of a run of ordinary characters from the buffer in one copy: up to the next character that
        // ends it (a quote inside quotes; the delimiter or a line break outside, where a quote in a non-empty field is
        // text), and never past the field or row cap, so the character-by-character rules below stay exact.
        void CopyRun(bool inQuotes)
        {
            int limit = (int)Math.Min(Math.Min(length - pos, MaxFieldChars - row.OpenFieldLength), MaxRowChars - rowChars);
            if (limit <= 0)
            {
                return;
            }

            var run = new ReadOnlySpan<char>(buffer, pos, limit);
            int n = inQuotes ? run.IndexOf('"') : run.IndexOfAny(delimiter, '\r', '\n');
            if (n < 0)
            {
                n = limit;
            }

            row.Append(buffer, pos, n);
            pos += n;
            rowChars += n;
        }

        bool quoted = false;
        bool any = false;
        int c;
        while ((c = Next()) >= 0)
        {
            any = true;
            if (++rowChars > MaxRowChars)
            {
                throw new InspectionLimitException(FindingReasons.RowTooLong, $"A CSV row is longer than {MaxRowChars} characters.");
            }

            if (quoted)
            {
                if (c == '"')
                {
                    int after = Next();
                    if (after == '"')
                    {
                        row.Append('"');
                        continue;
                    }

                    quoted = false;
                    if (after < 0)
                    {
                        break;
                    }

                    c = after;
                }
                else
                {
                    if (row.OpenFieldLength < MaxFieldChars)
                    {
                        row.Append((char)c);
                        CopyRun(inQuotes: true);
                    }
                    else
                    {
                        // An unclosed quote: give up quoting rather than buffer the rest of the file.
                        quoted = false;
                    }

                    continue;
                }
            }

            if (c == '"' && row.OpenFieldLength == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                EndField(row);
            }
            else if (c == '\n' || c == '\r')
            {
                EndField(row);
                yield return row;
                row.Clear();
                rowChars = 0;
                any = false;
                if (c == '\r' && pos < length && buffer[pos] == '\n')
                {
                    pos++;
                }
            }
            else if (row.OpenFieldLength < MaxFieldChars)
            {
                row.Append((char)c);
                CopyRun(inQuotes: false);
            }
            else
            {
                EndField(row);
            }
        }

        if (any || row.OpenFieldLength > 0 || row.Count > 0)
        {
            EndField(row);
            yield return row;
        }
    }

    /// <summary>Ends the open field of the row.</summary>
    /// <exception cref="InspectionLimitException">The row would have more than <see cref="MaxFields"/> fields.</exception>
    private static void EndField(TableRow row)
    {
        if (row.Count >= MaxFields)
        {
            throw new InspectionLimitException(FindingReasons.RowTooLong, $"A CSV row has more than {MaxFields} fields.");
        }

        row.EndField();
    }

    private static char DetectDelimiter(char[] buffer, int length)
    {
        int comma = 0, semicolon = 0, tab = 0, pipe = 0;
        bool quoted = false;
        for (int i = 0; i < length; i++)
        {
            char c = buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted)
            {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
                pipe += c == '|' ? 1 : 0;
            }
        }

        int best = Math.Max(Math.Max(comma, semicolon), Math.Max(tab, pipe));
        return best == 0 || best == comma ? ',' : best == semicolon ? ';' : best == tab ? '\t' : '|';
    }
}
