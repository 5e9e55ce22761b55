using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Runs detectors over text of any length in bounded memory: the text is read in chunks, and each chunk is
/// scanned with <see cref="ContextChars"/> characters of context on both sides, so keywords and numbers that
/// straddle a chunk border are still found, and none is reported twice.
/// Memory: at most <see cref="ChunkChars"/> + 2 × <see cref="ContextChars"/> characters per scan.
/// </summary>
public sealed class TextScanner
{
    /// <summary>Characters read per chunk.</summary>
    public const int ChunkChars = 64 * 1024;

    /// <summary>Context kept either side of a chunk: keyword proximity plus the longest number.</summary>
    public const int ContextChars = 400;

    private readonly IReadOnlyList<IDetector> _detectors;

    /// <summary>Creates a scanner over the given detectors.</summary>
    /// <param name="detectors">Detectors to run on every window.</param>
    public TextScanner(IReadOnlyList<IDetector> detectors)
    {
        _detectors = detectors ?? throw new ArgumentNullException(nameof(detectors));
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
                length += read;
            }

            int regionEnd = end ? length : length - ContextChars;
            if (regionEnd > regionStart)
            {
                RunDetectors(new TextWindow(new string(buffer, 0, length), regionStart, regionEnd, location), findings);
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

    private void RunDetectors(TextWindow window, ICollection<Finding> findings)
    {
        foreach (IDetector detector in _detectors)
        {
            detector.Detect(window, findings);
        }
    }
}
