using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// Reads the accredited list (POLICY §1): either plain text, one domain or <c>*.suffix</c> per line with
/// <c>#</c> comments to the end of the line, or CSV (RFC 4180) whose header row has a <c>domain</c> column.
/// </summary>
/// <remarks>
/// The format is CSV when the first line that is neither blank nor a comment has a header cell
/// <c>domain</c> (any case) and either contains a comma or is that single cell. In CSV only whole-line
/// comments count, because <c>#</c> may appear in other columns; quoted fields may hold commas, doubled
/// quotes and line breaks. A <c>*.suffix</c> entry of a single label (<c>*.com</c>) is an error: it would
/// accredit a whole top-level domain. The parser reports; whether a file with errors may replace a good
/// one is the caller's decision.
/// </remarks>
public static class AccreditedListParser
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>Parses a list from a stream: UTF-8 unless a byte-order mark says otherwise; left open.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <returns>The entries and errors.</returns>
    public static AccreditedListParseResult Parse(Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        return Parse(reader);
    }

    /// <summary>Parses a list from text.</summary>
    /// <param name="reader">The file's text; a leading byte-order mark is ignored.</param>
    /// <returns>The entries and errors.</returns>
    public static AccreditedListParseResult Parse(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lines.Add(lines.Count == 0 && line.Length > 0 && line[0] == ByteOrderMark ? line.Substring(1) : line);
        }

        var collector = new Collector();
        int first = lines.FindIndex(l => !IsBlankOrComment(l));
        if (first < 0)
        {
            return collector.ToResult();
        }

        var fields = new List<string>();
        int index = first;
        if (TryReadRecord(lines, ref index, fields, out _) && TryFindDomainColumn(lines[first], fields, out int domainColumn))
        {
            ParseCsv(lines, index, domainColumn, collector);
        }
        else if (lines[first].IndexOf(',') >= 0)
        {
            // A plain entry never holds a comma, so this is CSV without the column we need.
            collector.Error(first + 1, "the file looks like CSV, but its header row has no 'domain' column");
        }
        else
        {
            ParsePlain(lines, first, collector);
        }

        return collector.ToResult();
    }

    private static void ParsePlain(List<string> lines, int start, Collector collector)
    {
        for (int i = start; i < lines.Count; i++)
        {
            string text = lines[i];
            int hash = text.IndexOf('#');
            if (hash >= 0)
            {
                text = text.Substring(0, hash);
            }

            text = text.Trim();
            if (text.Length > 0)
            {
                collector.Add(i + 1, text);
            }
        }
    }

    private static void ParseCsv(List<string> lines, int index, int domainColumn, Collector collector)
    {
        var fields = new List<string>();
        while (index < lines.Count)
        {
            if (IsBlankOrComment(lines[index]))
            {
                index++;
                continue;
            }

            int lineNumber = index + 1;
            if (!TryReadRecord(lines, ref index, fields, out string? problem))
            {
                collector.Error(lineNumber, problem!);
                continue;
            }

            if (fields.TrueForAll(f => f.Trim().Length == 0))
            {
                continue;
            }

            string value = domainColumn < fields.Count ? fields[domainColumn].Trim() : string.Empty;
            if (value.Length == 0)
            {
                collector.Error(lineNumber, "the row has no value in the 'domain' column");
                continue;
            }

            collector.Add(lineNumber, value);
        }
    }

    private static bool TryFindDomainColumn(string headerLine, List<string> header, out int column)
    {
        column = header.FindIndex(h => string.Equals(h.Trim(), "domain", StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            // Published lists name the column "Domain name", "Email domain", "Domains"...: one such header is enough.
            int[] candidates = header.Select((h, i) => (h, i))
                .Where(x => x.h.IndexOf("domain", StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(x => x.i).ToArray();
            column = candidates.Length == 1 ? candidates[0] : -1;
        }

        // A lone "domain" line is a one-column CSV header; as a plain entry it would be nonsense anyway.
        return column >= 0 && (headerLine.IndexOf(',') >= 0 || header.Count == 1);
    }

    private static bool IsBlankOrComment(string line)
    {
        string trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    // One RFC 4180 record starting at lines[index]; advances index past every line the record used.
    private static bool TryReadRecord(List<string> lines, ref int index, List<string> fields, out string? problem)
    {
        fields.Clear();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool closedQuote = false;
        string line = lines[index];
        int i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                {
                    fields.Add(field.ToString());
                    index++;
                    problem = null;
                    return true;
                }

                if (index + 1 >= lines.Count)
                {
                    index++;
                    problem = "a quoted field is never closed";
                    return false;
                }

                // A quoted field may span lines; keep the line break as part of the value.
                field.Append('\n');
                line = lines[++index];
                i = 0;
                continue;
            }

            char c = line[i++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                    closedQuote = true;
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                closedQuote = false;
            }
            else if (closedQuote)
            {
                if (!char.IsWhiteSpace(c))
                {
                    index++;
                    problem = $"unexpected text after a closing quote: '{line.Trim()}'";
                    return false;
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                // Spaces before an opening quote are tolerated; hand-edited files have them.
                field.Clear();
                inQuotes = true;
            }
            else
            {
                field.Append(c);
            }
        }
    }

    private sealed class Collector
    {
        private readonly List<string> entries = new();
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly List<AccreditedListError> errors = new();

        public void Add(int line, string value)
        {
            if (TryNormalizeEntry(value, out string? entry, out string? problem))
            {
                if (seen.Add(entry))
                {
                    entries.Add(entry);
                }
            }
            else
            {
                Error(line, problem);
            }
        }

        public void Error(int line, string problem) => errors.Add(new AccreditedListError(line, problem));

        public AccreditedListParseResult ToResult() => new(entries.ToArray(), errors.ToArray());

        private static bool TryNormalizeEntry(
            string value,
            [NotNullWhen(true)] out string? entry,
            [NotNullWhen(false)] out string? problem)
        {
            entry = null;
            bool isSuffix = value.StartsWith("*.", StringComparison.Ordinal);

            // Published lists often write a domain as the part after '@' ("@example.gov.uk"): one leading '@' is dropped.
            string domain = isSuffix ? value.Substring(2) : value.Length > 1 && value[0] == '@' ? value.Substring(1) : value;
            if (domain.IndexOf('*') >= 0)
            {
                problem = $"'{value}' has a '*' that is not a leading '*.'";
                return false;
            }

            if (!DomainNormalizer.TryNormalize(domain, out string ascii))
            {
                problem = isSuffix ? $"'{value}' is not a valid *.suffix entry" : $"'{value}' is not a valid domain name";
                return false;
            }

            if (isSuffix && ascii.IndexOf('.') < 0)
            {
                problem = $"'{value}' would accredit a whole top-level domain";
                return false;
            }

            problem = null;
            entry = isSuffix ? "*." + ascii : ascii;
            return true;
        }
    }
}
