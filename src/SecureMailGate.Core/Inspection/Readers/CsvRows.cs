using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Splits delimited text into rows (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). The
/// delimiter is whichever of comma, semicolon, tab and pipe occurs most in the first line outside quotes (comma
/// when none does), because exports from UK clinical systems and Excel with regional settings use all of them.
/// Rows are produced lazily; a field that never closes its quote is cut at <see cref="MaxFieldChars"/>, so one
/// broken line cannot hold the whole file in memory.
/// </summary>
internal static class CsvRows
{
    /// <summary>Longest field kept whole.</summary>
    public const int MaxFieldChars = 1024 * 1024;

    private const int SniffChars = 16 * 1024;

    public static IEnumerable<IReadOnlyList<string>> Read(TextReader text)
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

        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool any = false;
        int c;
        while ((c = Next()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    int after = Next();
                    if (after == '"')
                    {
                        field.Append('"');
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
                    if (field.Length < MaxFieldChars)
                    {
                        field.Append((char)c);
                    }
                    else
                    {
                        // An unclosed quote: give up quoting rather than buffer the rest of the file.
                        quoted = false;
                    }

                    continue;
                }
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = new List<string>();
                any = false;
                if (c == '\r' && pos < length && buffer[pos] == '\n')
                {
                    pos++;
                }
            }
            else if (field.Length < MaxFieldChars)
            {
                field.Append((char)c);
            }
            else
            {
                row.Add(field.ToString());
                field.Clear();
            }
        }

        if (any || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
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
