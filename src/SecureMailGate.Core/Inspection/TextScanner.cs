using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Runs detectors over text of any length in bounded memory: the text is read in chunks, and each chunk is
/// scanned with <see cref="ContextChars"/> characters of context on both sides, so keywords and numbers that
/// straddle a chunk border are still found, and none is reported twice. Every character is normalised as it is read
/// (<see cref="TextNormaliser"/>: digits of any script, space and dash variants, zero-width characters), in place.
/// Memory: at most <see cref="ChunkChars"/> + 2 × <see cref="ContextChars"/> characters per scan, in one pooled buffer.
/// When every detector is a built-in one (NHS and NI numbers, whose matches each hold at least
/// <see cref="CandidateDigits"/> digits), detectors do not see the whole chunk as a new string: only the stretches
/// around runs of that many digits, each with <see cref="ContextChars"/> characters of context, so text without
/// candidates allocates nothing and the strings made grow with the candidates, not with the text. Findings are the
/// same as over the whole chunk (same order too), since a keyword counts only within
/// <see cref="ContextKeywords.Proximity"/> characters; the one difference is a keyword phrase stretched by more than
/// 100 characters of white space, which the context may cut. Administrator patterns can match anything, so with
/// any of them the whole chunk is handed over as before.
/// </summary>
public sealed class TextScanner
{
    /// <summary>Characters read per chunk.</summary>
    public const int ChunkChars = 64 * 1024;

    /// <summary>Context kept either side of a chunk: keyword proximity plus the longest number.</summary>
    public const int ContextChars = 400;

    /// <summary>Fewest digits in a built-in detector's match: an NI number's six (an NHS number has ten).</summary>
    public const int CandidateDigits = 6;

    /// <summary>How far before its first digit a built-in match may start: an NI number's two letters and a separator.</summary>
    private const int CandidateLead = 3;

    /// <summary>The longest run of separators between two digits of one candidate (an NHS number's quoted line break: 14).</summary>
    private const int MaxGap = 16;

    /// <summary>
    /// Longest merged region: its window (with both contexts) stays a string under the large-object heap's 85,000
    /// bytes, so digit-dense text does not trigger full collections. Regions are only split between runs of digits, and
    /// a match never spans two runs' groups, so splitting changes no finding.
    /// </summary>
    private const int MaxRegionChars = 16 * 1024;

    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly bool _digitCandidates;

    /// <summary>Creates a scanner over the given detectors.</summary>
    /// <param name="detectors">Detectors to run on every window.</param>
    public TextScanner(IReadOnlyList<IDetector> detectors)
    {
        _detectors = detectors ?? throw new ArgumentNullException(nameof(detectors));
        _digitCandidates = AllBuiltIn(detectors);
    }

    /// <summary>The detectors this scanner runs.</summary>
    public IReadOnlyList<IDetector> Detectors => _detectors;

    /// <summary>Scans a whole string.</summary>
    /// <param name="text">The text.</param>
    /// <param name="location">Its location.</param>
    /// <param name="findings">Receives the findings.</param>
    public void Scan(string text, string location, ICollection<Finding> findings)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length <= ChunkChars + ContextChars)
        {
            text = TextNormaliser.Normalise(text);
            // Most subjects and bodies fit one window: scan the string itself, no copy.
            RunDetectors(new TextWindow(text, 0, text.Length, location ?? throw new ArgumentNullException(nameof(location))), findings ?? throw new ArgumentNullException(nameof(findings)));
            return;
        }

        using var reader = new StringReader(text);
        Scan(reader, location, findings, budget: null);
    }

    /// <summary>Scans text read from <paramref name="reader"/> to its end.</summary>
    /// <param name="reader">The text source; not disposed.</param>
    /// <param name="location">Its location.</param>
    /// <param name="findings">Receives the findings.</param>
    /// <param name="budget">Charged for every character read, when given.</param>
    public void Scan(TextReader reader, string location, ICollection<Finding> findings, InspectionBudget? budget)
    {
        if (reader is null || location is null || findings is null)
        {
            throw new ArgumentNullException(reader is null ? nameof(reader) : location is null ? nameof(location) : nameof(findings));
        }

        // buffer = [before-context | region | after-context]; the region becomes the next before-context.
        // Pooled: a fresh 130 KB array per text part would land on the large-object heap for every message.
        char[] buffer = ArrayPool<char>.Shared.Rent(ContextChars + ChunkChars + ContextChars);
        try
        {
            ScanChunks(reader, location, findings, budget, buffer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void ScanChunks(TextReader reader, string location, ICollection<Finding> findings, InspectionBudget? budget, char[] pooled)
    {
        // The pool may hand out a longer array; use exactly the designed window.
        int capacity = ContextChars + ChunkChars + ContextChars;
        char[] buffer = pooled;
        int length = 0;
        int regionStart = 0;
        bool end = false;
        while (!end)
        {
            // Fill up to the buffer's end.
            while (length < capacity)
            {
                int read = reader.Read(buffer, length, capacity - length);
                if (read == 0)
                {
                    end = true;
                    break;
                }

                budget?.ChargeCharacters(read);
                length += TextNormaliser.Normalise(buffer, length, read);
            }

            int regionEnd = end ? length : length - ContextChars;
            if (regionEnd > regionStart)
            {
                ScanWindow(buffer, length, regionStart, regionEnd, location, findings);
            }

            if (!end)
            {
                // Keep the last ContextChars of the region plus the after-context as the next buffer's start.
                int keepFrom = regionEnd - ContextChars;
                Array.Copy(buffer, keepFrom, buffer, 0, length - keepFrom);
                length -= keepFrom;
                regionStart = ContextChars;
            }
        }
    }

    /// <summary>Whether every detector's matches are known to hold <see cref="CandidateDigits"/> digits in one run.</summary>
    private static bool AllBuiltIn(IReadOnlyList<IDetector> detectors)
    {
        foreach (IDetector detector in detectors)
        {
            if (detector is not NhsNumberDetector and not NiNumberDetector)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the detectors over the buffer's region: the whole buffer, or only the stretches around candidates.</summary>
    private void ScanWindow(char[] buffer, int length, int regionStart, int regionEnd, string location, ICollection<Finding> findings)
    {
        if (!_digitCandidates)
        {
            RunDetectors(new TextWindow(new string(buffer, 0, length), regionStart, regionEnd, location), findings);
            return;
        }

        var regions = new List<(int Start, int End)>();
        FindCandidateRegions(buffer, length, regionStart, regionEnd, regions);
        var text = new ReadOnlySpan<char>(buffer, 0, length);
        var candidates = new List<(int Start, int End)>();
        foreach ((int start, int end) in regions)
        {
            // Only shapes that pass their checks can give a finding: strings are made around those alone, so
            // digit-dense text (coordinates, tables of measurements) costs a scan, not a copy, and a clinic list with
            // an identifier every few hundred rows costs a window per identifier, not a copy of the list.
            ValidCandidates(text, start, end, candidates);
        }

        candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
        var windows = new List<TextWindow>();
        int i = 0;
        while (i < candidates.Count)
        {
            // Candidates closer than two contexts share a window, up to MaxRegionChars; the window's region runs from
            // the first candidate's start to the last one's, and its text reaches a context beyond the last one's end.
            (int first, int lastEnd) = candidates[i];
            int lastStart = first;
            for (i++; i < candidates.Count && candidates[i].Start - lastEnd <= 2 * ContextChars && candidates[i].End - first <= MaxRegionChars; i++)
            {
                lastStart = candidates[i].Start;
                lastEnd = Math.Max(lastEnd, candidates[i].End);
            }

            int from = Math.Max(0, first - ContextChars);
            int to = Math.Min(length, lastEnd + ContextChars);
            windows.Add(new TextWindow(new string(buffer, from, to - from), first - from, lastStart + 1 - from, location));
        }

        // Detector by detector, as over the whole buffer, so findings come in the same order.
        foreach (IDetector detector in _detectors)
        {
            foreach (TextWindow window in windows)
            {
                detector.Detect(window, findings);
            }
        }
    }

    /// <summary>
    /// The stretches of [<paramref name="regionStart"/>, <paramref name="regionEnd"/>) where a built-in match can start:
    /// from <see cref="CandidateLead"/> characters before each run of at least <see cref="CandidateDigits"/> ASCII digits
    /// (up to <see cref="MaxGap"/> separator characters — spaces, tabs, hyphens, dots, commas, line breaks and quote
    /// marks — may stand between two digits) to its last digit. Stretches closer than two contexts apart are merged (up to
    /// <see cref="MaxRegionChars"/>), so few windows are made; regions never overlap, and since every match lies inside
    /// one run's stretch, none is reported twice.
    /// </summary>
    internal static void FindCandidateRegions(char[] text, int length, int regionStart, int regionEnd, List<(int Start, int End)> regions)
    {
        var span = new ReadOnlySpan<char>(text, 0, length);
        int i = 0;
        while (i < length)
        {
            // Text between digit runs is skipped by a vectorised search.
            i = DigitRuns.IndexOfDigit(span, i, length);
            if (i < 0)
            {
                break;
            }

            int first = i;
            int last = i;
            int digits = 1;
            i++;
            while (i < length)
            {
                if (DigitRuns.IsDigit(text[i]))
                {
                    digits++;
                    last = i++;
                }
                else if (GapBeforeDigit(text, i, length) is > 0 and int gap)
                {
                    i += gap;
                }
                else
                {
                    break;
                }
            }

            int start = Math.Max(first - CandidateLead, regionStart);
            int end = Math.Min(last + 1, regionEnd);
            if (digits < CandidateDigits || start >= end)
            {
                continue;
            }

            if (regions.Count > 0 && start - regions[regions.Count - 1].End <= 2 * ContextChars
                && end - regions[regions.Count - 1].Start <= MaxRegionChars)
            {
                regions[regions.Count - 1] = (regions[regions.Count - 1].Start, end);
            }
            else
            {
                regions.Add((start, end));
            }
        }
    }

    /// <summary>
    /// Adds the spans of every candidate a built-in detector can report starting in [<paramref name="start"/>,
    /// <paramref name="end"/>): NHS-number shapes passing the modulus-11 check and NI-number shapes with an issued
    /// prefix, each found exactly as its detector finds them (leftmost first, resuming after each shape). Every finding
    /// of the built-in detectors starts at one of these, so windows around them alone give the same findings.
    /// </summary>
    internal static void ValidCandidates(ReadOnlySpan<char> text, int start, int end, List<(int Start, int End)> candidates)
    {
        int from = start;
        while (NhsNumberShape.Next(text, from, end, out int nhsStart, out int nhsEnd, out _))
        {
            if (NhsNumberShape.IsValid(text, nhsStart, nhsEnd))
            {
                candidates.Add((nhsStart, nhsEnd));
            }

            from = nhsEnd;
        }

        from = start;
        while (NiNumberShape.Next(text, from, end, out int niStart, out int niEnd))
        {
            if (NiNumberShape.IsIssuedPrefix(text, niStart))
            {
                candidates.Add((niStart, niEnd));
            }

            from = niEnd;
        }
    }

    /// <summary>
    /// The length of the run of separator characters at <paramref name="i"/> when a digit follows it within
    /// <see cref="MaxGap"/> characters, else 0. Separators: what <see cref="NhsNumberDetector"/> allows between groups.
    /// </summary>
    private static int GapBeforeDigit(char[] text, int i, int length)
    {
        int j = i;
        while (j < length && j - i < MaxGap && text[j] is ' ' or '\t' or '-' or '.' or ',' or '\r' or '\n' or '>')
        {
            j++;
        }

        return j > i && j < length && DigitRuns.IsDigit(text[j]) ? j - i : 0;
    }

    private void RunDetectors(TextWindow window, ICollection<Finding> findings)
    {
        foreach (IDetector detector in _detectors)
        {
            detector.Detect(window, findings);
        }
    }
}
