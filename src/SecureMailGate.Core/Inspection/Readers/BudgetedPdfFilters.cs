using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The filters PdfPig decodes PDF streams with, each charged to the inspection budget. PdfPig inflates a
/// <c>/FlateDecode</c> stream into memory without any bound, so a 60 KB stream can become gigabytes: a flate stream
/// is first inflated into a counting sink (nothing kept) that charges every byte to
/// <see cref="InspectionBudget.ChargeBytes"/> and, past <see cref="RatioFloor"/>, checks the expansion ratio against
/// the encoded length, and only when it is within the limits is it handed to PdfPig's own filter (which also applies
/// predictors). Other filters' output is charged after decoding: ASCII and run-length cannot expand far. LZW (rare
/// since PDF 1.2) cannot be counted without decoding, so a stream whose worst-case output (<see cref="MaxLzwExpansion"/>
/// times its length) would not fit in what the message may still expand is a limit before PdfPig decodes it.
/// PdfPig may swallow an exception thrown inside a filter, so the first limit reached is also kept in
/// <see cref="Tripped"/> for the reader to raise. An object stream, once decoded (and decrypted), goes to the
/// document's <see cref="PdfStructureCheck"/> before PdfPig parses the objects in it.
/// One instance per document; not thread-safe (one inspection runs on one thread).
/// </summary>
internal sealed class BudgetedPdfFilters : IFilterProvider
{
    /// <summary>
    /// Output below which a stream's ratio is not judged: small streams of repeated operators or blank image rows
    /// legitimately deflate past 100:1 and cannot hurt; the total-bytes budget still counts them.
    /// </summary>
    internal const long RatioFloor = 1024 * 1024;

    /// <summary>
    /// The most an LZW stream can expand: a 9-bit code can stand for a string of up to ~3,800 bytes before the
    /// 4,096-entry table resets, about 3,400 bytes of output per input byte.
    /// </summary>
    internal const long MaxLzwExpansion = 3500;

    private readonly IFilterProvider _inner;
    private readonly InspectionBudget _budget;
    private readonly Dictionary<IFilter, IFilter> _wrapped = new();
    private readonly PdfStructureCheck? _structure;

    /// <param name="budget">Charged with every decoded byte.</param>
    /// <param name="inner">The filters doing the decoding; PdfPig's defaults when null.</param>
    /// <param name="structure">Checks decoded object streams before PdfPig parses them; none when null.</param>
    public BudgetedPdfFilters(InspectionBudget budget, IFilterProvider? inner = null, PdfStructureCheck? structure = null)
    {
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _inner = inner ?? DefaultFilterProvider.Instance;
        _structure = structure;
    }

    /// <summary>The first limit a filter reached, or null.</summary>
    public InspectionLimitException? Tripped { get; private set; }

    /// <summary>Raises the first limit reached, if PdfPig swallowed it.</summary>
    /// <exception cref="InspectionLimitException">A filter reached a limit.</exception>
    public void ThrowIfTripped()
    {
        if (Tripped is { } tripped)
        {
            throw new InspectionLimitException(FindingReasons.Of(tripped), tripped.Message, tripped);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters)
    {
        var result = new IFilter[filters.Count];
        for (int i = 0; i < filters.Count; i++)
        {
            IFilter filter = filters[i];
            if (!_wrapped.TryGetValue(filter, out IFilter? wrapped))
            {
                wrapped = new BudgetedFilter(filter, this);
                _wrapped[filter] = wrapped;
            }

            result[i] = wrapped;
        }

        return result;
    }

    private void Charge(Action check)
    {
        try
        {
            check();
        }
        catch (InspectionLimitException ex)
        {
            Tripped ??= ex;
            throw;
        }
    }

    /// <summary>Hands a fully decoded object stream to the structure check.</summary>
    private void CheckObjectStream(Memory<byte> decoded, DictionaryToken dictionary, int filterIndex)
    {
        IReadOnlyDictionary<string, IToken> entries = dictionary.Data;
        int filterCount = entries.TryGetValue("Filter", out IToken? filter) ? filter is ArrayToken array ? array.Length : 1 : 0;
        if (_structure is null || filterIndex != filterCount - 1
            || !entries.TryGetValue("Type", out IToken? type) || type is not NameToken { Data: "ObjStm" }
            || !entries.TryGetValue("N", out IToken? n) || n is not NumericToken count
            || !entries.TryGetValue("First", out IToken? first) || first is not NumericToken start)
        {
            return;
        }

        Charge(() => _structure.CheckObjectStream(decoded.ToArray(), count.Int, start.Int));
    }

    /// <summary>Inflates <paramref name="encoded"/> into nothing, charging the budget as it goes.</summary>
    private void CountInflated(ReadOnlyMemory<byte> encoded)
    {
        long inflated = 0;
        InflateBlocks(encoded, (block, read) =>
        {
            inflated += read;
            Charge(() =>
            {
                _budget.ChargeBytes(read);
                if (inflated > RatioFloor)
                {
                    _budget.CheckRatio(encoded.Length, inflated);
                }
            });
            return true;
        });
    }

    /// <summary>
    /// Inflates a <c>/FlateDecode</c> stream a 64 KiB block at a time into <paramref name="onBlock"/>, keeping nothing,
    /// until the data ends, is damaged (what came out so far stands; PdfPig's own filter decides about the rest) or
    /// <paramref name="onBlock"/> returns false.
    /// </summary>
    internal static void InflateBlocks(ReadOnlyMemory<byte> encoded, Func<byte[], int, bool> onBlock)
    {
        // The 2-byte zlib header is skipped and the Adler-32 trailer ignored, as PdfPig does; raw deflate works on
        // both target frameworks (ZLibStream is not on net48).
        if (encoded.Length <= 2)
        {
            return;
        }

        byte[] array = encoded.ToArray();
        using var source = new MemoryStream(array, 2, array.Length - 2, writable: false);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        byte[] block = new byte[64 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = inflater.Read(block, 0, block.Length);
            }
            catch (InvalidDataException)
            {
                return;
            }

            if (read == 0 || !onBlock(block, read))
            {
                return;
            }
        }
    }

    private sealed class BudgetedFilter : IFilter
    {
        private readonly IFilter _inner;
        private readonly BudgetedPdfFilters _owner;
        private readonly bool _flate;
        private readonly bool _lzw;

        public BudgetedFilter(IFilter inner, BudgetedPdfFilters owner)
        {
            _inner = inner;
            _owner = owner;
            _flate = inner is FlateFilter;
            _lzw = inner is LzwFilter;
        }

        public bool IsSupported => _inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            _owner.Charge(_owner._budget.CheckTime);
            if (_flate)
            {
                _owner.CountInflated(input);
            }
            else if (_lzw)
            {
                _owner.Charge(() =>
                {
                    long remaining = _owner._budget.Limits.MaxExpandedBytes - _owner._budget.ExpandedBytes;
                    if (input.Length * MaxLzwExpansion > remaining)
                    {
                        throw new InspectionLimitException(FindingReasons.ExpandedBytes, "An LZW stream in a PDF could expand past the inspection limit.");
                    }
                });
            }

            Memory<byte> output = _inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (!_flate)
            {
                // Not ratio-checked: a blank scanned page legitimately shrinks far past the archive ratio under
                // CCITT or LZW, and the bytes already exist; the total still counts.
                _owner.Charge(() => _owner._budget.ChargeBytes(output.Length));
            }

            _owner.CheckObjectStream(output, streamDictionary, filterIndex);
            return output;
        }
    }
}
