using System;
using System.Collections.Generic;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Bounds, from the page tree and the content streams alone, how many glyphs each page can make PdfPig build, before
/// PdfPig builds any (it keeps about 360 bytes per glyph, a whole page in one step). A page's bound is the bytes in
/// its content's strings plus, for each <c>Do</c>, the largest bound of a form XObject in its resources (forms
/// inside forms likewise). Content streams are counted as they inflate, nothing kept, and counting stops once a page
/// is over the cap. Unfiltered and <c>/FlateDecode</c> streams are counted directly; any other filter chain is decoded
/// through the budgeted filters. Inflating is checked against what the message may still expand.
/// Not thread-safe: one instance per document.
/// </summary>
internal sealed class PdfGlyphEstimate
{
    private const int MaxFormNesting = 32;
    private static readonly NameToken ContentsKey = NameToken.Create("Contents");
    private static readonly NameToken XObjectKey = NameToken.Create("XObject");

    private readonly IPdfTokenScanner _scanner;
    private readonly IFilterProvider _filters;
    private readonly InspectionBudget _budget;
    private readonly long _cap;
    private readonly Dictionary<IndirectReference, long> _forms = new();

    private PdfGlyphEstimate(IPdfTokenScanner scanner, IFilterProvider filters, InspectionBudget budget, long cap)
    {
        _scanner = scanner;
        _filters = filters;
        _budget = budget;
        _cap = cap;
    }

    /// <summary>
    /// The glyph bound of every page in page-tree order. A page whose bound passes <paramref name="pageCap"/> is an
    /// inspection limit here, before any page is built.
    /// </summary>
    /// <exception cref="InspectionLimitException">A page could draw more than <paramref name="pageCap"/> glyphs.</exception>
    public static IReadOnlyList<long> OfPages(PdfDocument document, IFilterProvider filters, InspectionBudget budget, long pageCap)
    {
        var estimate = new PdfGlyphEstimate(document.Structure.TokenScanner, filters, budget, pageCap);
        var pages = new List<long>();
        foreach (DictionaryToken page in Leaves(document.Structure.Catalog.CatalogDictionary, document.Structure.TokenScanner, budget))
        {
            long glyphs = estimate.Page(page);
            if (glyphs > pageCap)
            {
                throw new InspectionLimitException(FindingReasons.TooManyGlyphs, $"A PDF page could draw more than {pageCap} glyphs.");
            }

            pages.Add(glyphs);
        }

        return pages;
    }

    /// <summary>Page dictionaries in page-tree order (depth first), each node visited once.</summary>
    private static IEnumerable<DictionaryToken> Leaves(DictionaryToken catalog, IPdfTokenScanner scanner, InspectionBudget budget)
    {
        if (!catalog.TryGet(NameToken.Pages, out IToken? root))
        {
            yield break;
        }

        var seen = new HashSet<IndirectReference>();
        var stack = new Stack<IToken>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            IToken token = stack.Pop();
            if (token is IndirectReferenceToken reference && !seen.Add(reference.Data))
            {
                continue;
            }

            if (!DirectObjectFinder.TryGet(token, scanner, out DictionaryToken? node) || node is null)
            {
                continue;
            }

            budget.CheckTime();
            if (node.TryGet(NameToken.Kids, out IToken? kidsToken) && DirectObjectFinder.TryGet(kidsToken, scanner, out ArrayToken? kids) && kids is not null)
            {
                for (int i = kids.Data.Count - 1; i >= 0; i--)
                {
                    stack.Push(kids.Data[i]);
                }
            }
            else
            {
                yield return node;
            }
        }
    }

    /// <summary>Resources of a page, inherited from the nearest page-tree node that has them.</summary>
    private DictionaryToken? Resources(DictionaryToken page)
    {
        DictionaryToken? node = page;
        for (int up = 0; node is not null && up < MaxFormNesting; up++)
        {
            if (node.TryGet(NameToken.Resources, out IToken? r) && DirectObjectFinder.TryGet(r, _scanner, out DictionaryToken? resources))
            {
                return resources;
            }

            node = node.TryGet(NameToken.Parent, out IToken? p) && DirectObjectFinder.TryGet(p, _scanner, out DictionaryToken? parent) ? parent : null;
        }

        return null;
    }

    private long Page(DictionaryToken page)
    {
        var counter = new PdfContentCounter();
        if (page.TryGet(ContentsKey, out IToken? contents))
        {
            if (DirectObjectFinder.TryGet(contents, _scanner, out ArrayToken? parts) && parts is not null)
            {
                foreach (IToken part in parts.Data)
                {
                    Count(part, counter);
                }
            }
            else
            {
                Count(contents, counter);
            }
        }

        return Bound(counter, Resources(page), depth: 0);
    }

    /// <summary>Strings in the content plus, per <c>Do</c>, the costliest form it could draw.</summary>
    private long Bound(PdfContentCounter counter, DictionaryToken? resources, int depth)
    {
        long glyphs = counter.StringBytes;
        if (counter.XObjectDraws == 0 || glyphs > _cap)
        {
            return glyphs;
        }

        long form = CostliestForm(resources, depth);
        return form == 0 ? glyphs : Math.Min(long.MaxValue / 2, glyphs + (counter.XObjectDraws * Math.Min(form, long.MaxValue / 2 / counter.XObjectDraws)));
    }

    private long CostliestForm(DictionaryToken? resources, int depth)
    {
        if (resources is null || !resources.TryGet(XObjectKey, out IToken? x) || !DirectObjectFinder.TryGet(x, _scanner, out DictionaryToken? xobjects) || xobjects is null)
        {
            return 0;
        }

        if (depth >= MaxFormNesting)
        {
            throw new InspectionLimitException(FindingReasons.TooDeep, $"PDF forms nested more than {MaxFormNesting} deep.");
        }

        long most = 0;
        foreach (IToken entry in xobjects.Data.Values)
        {
            most = Math.Max(most, Form(entry, depth + 1));
            if (most > _cap)
            {
                break;
            }
        }

        return most;
    }

    private long Form(IToken token, int depth)
    {
        IndirectReference? reference = token is IndirectReferenceToken r ? r.Data : null;
        if (reference is { } known && _forms.TryGetValue(known, out long cached))
        {
            return cached;
        }

        long glyphs = 0;
        if (DirectObjectFinder.TryGet(token, _scanner, out StreamToken? stream) && stream is not null
            && stream.StreamDictionary.TryGet(NameToken.Subtype, out IToken? subtype) && subtype is NameToken { Data: "Form" })
        {
            var counter = new PdfContentCounter();
            CountStream(stream, counter);
            DictionaryToken? resources = stream.StreamDictionary.TryGet(NameToken.Resources, out IToken? res) && DirectObjectFinder.TryGet(res, _scanner, out DictionaryToken? d) ? d : null;
            glyphs = Bound(counter, resources, depth);
        }

        if (reference is { } key)
        {
            _forms[key] = glyphs;
        }

        return glyphs;
    }

    private void Count(IToken token, PdfContentCounter counter)
    {
        if (DirectObjectFinder.TryGet(token, _scanner, out StreamToken? stream) && stream is not null)
        {
            CountStream(stream, counter);
        }
    }

    private void CountStream(StreamToken stream, PdfContentCounter counter)
    {
        _budget.CheckTime();
        stream.StreamDictionary.TryGet(NameToken.Filter, out IToken? filter);
        if (filter is ArrayToken { Data.Count: 1 } single)
        {
            filter = single.Data[0];
        }

        if (filter is null)
        {
            counter.Feed(stream.Data.Span);
        }
        else if (filter is NameToken { Data: "FlateDecode" or "Fl" })
        {
            CountInflated(stream.Data, counter);
        }
        else
        {
            // Rare for content: let the budgeted filters decode it (and charge it).
            counter.Feed(stream.Decode(_filters).Span);
        }

        counter.Finish();
    }

    /// <summary>Inflates into the counter a block at a time, stopping once past the cap.</summary>
    private void CountInflated(ReadOnlyMemory<byte> encoded, PdfContentCounter counter)
    {
        long remaining = _budget.Limits.MaxExpandedBytes - _budget.ExpandedBytes;
        long inflated = 0;
        BudgetedPdfFilters.InflateBlocks(encoded, (block, read) =>
        {
            inflated += read;
            if (inflated > remaining)
            {
                throw new InspectionLimitException(FindingReasons.ExpandedBytes, "A PDF content stream would expand past the inspection limit.");
            }

            _budget.CheckTime();
            counter.Feed(new ReadOnlySpan<byte>(block, 0, read));
            return counter.StringBytes <= _cap;
        });
    }
}
