using System;
using System.Collections.Generic;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Text a PDF holds outside its pages' content: the document information dictionary (title, author, subject,
/// keywords, and any other string entry), the values, names and tooltips of interactive form fields (<c>/AcroForm</c>
/// <c>/Fields</c> and their <c>/Kids</c>: <c>/V</c>, <c>/T</c>, <c>/TU</c>), and each page's annotations (comments,
/// sticky notes, free text, widget values: <c>/Contents</c>, <c>/T</c>, <c>/Subj</c>, <c>/RC</c>, <c>/V</c>). Read from the
/// raw objects with an explicit stack and a visited set, never through PdfPig's recursive form and annotation
/// builders, so a field tree that loops or nests a million deep ends instead of overflowing; at most
/// <see cref="MaxObjects"/> objects are visited, each string charged to the budget.
/// </summary>
internal static class PdfSideText
{
    /// <summary>Most field and annotation dictionaries visited in one document.</summary>
    public const int MaxObjects = 100_000;

    private static readonly string[] FieldKeys = { "V", "T", "TU", "Contents", "Subj", "RC" };

    /// <summary>The strings, one per line.</summary>
    public static IEnumerable<string> Read(PdfDocument document, InspectionBudget budget)
    {
        var pending = new Stack<IToken>();
        if (document.Information?.DocumentInformationDictionary is { } info)
        {
            foreach (KeyValuePair<string, IToken> entry in info.Data)
            {
                if (Text(document, entry.Value) is { } value)
                {
                    budget.ChargeCharacters(value.Length);
                    yield return value + "\n";
                }
            }
        }

        if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("AcroForm"), out IToken? form)
            && Resolve(document, form) is DictionaryToken acroForm && acroForm.TryGet(NameToken.Create("Fields"), out IToken? fields))
        {
            pending.Push(fields);
        }

        for (int n = 1; n <= document.NumberOfPages; n++)
        {
            if (document.GetPage(n).Dictionary.TryGet(NameToken.Create("Annots"), out IToken? annotations))
            {
                pending.Push(annotations);
            }
        }

        var seen = new HashSet<IndirectReference>();
        int visited = 0;
        while (pending.Count > 0)
        {
            IToken token = pending.Pop();
            if (token is IndirectReferenceToken reference && !seen.Add(reference.Data))
            {
                continue;
            }

            if (++visited > MaxObjects)
            {
                throw new InspectionLimitException(FindingReasons.TooManyEntries, $"A PDF has more than {MaxObjects} form fields and annotations.");
            }

            if (visited % 256 == 0)
            {
                budget.CheckTime();
            }

            switch (Resolve(document, token))
            {
                case ArrayToken array:
                    for (int i = array.Data.Count - 1; i >= 0; i--)
                    {
                        pending.Push(array.Data[i]);
                    }

                    break;
                case DictionaryToken dictionary:
                    foreach (string key in FieldKeys)
                    {
                        if (dictionary.TryGet(NameToken.Create(key), out IToken? value))
                        {
                            foreach (string text in Texts(document, value))
                            {
                                budget.ChargeCharacters(text.Length);
                                yield return text + "\n";
                            }
                        }
                    }

                    if (dictionary.TryGet(NameToken.Create("Kids"), out IToken? kids))
                    {
                        pending.Push(kids);
                    }

                    break;
            }
        }
    }

    /// <summary>A field value: a string, a name (a ticked box's export value), or an array of them (a multi-select list).</summary>
    private static IEnumerable<string> Texts(PdfDocument document, IToken token)
    {
        IToken? value = Resolve(document, token);
        if (value is ArrayToken array)
        {
            foreach (IToken item in array.Data)
            {
                if (Text(document, item) is { } text)
                {
                    yield return text;
                }
            }
        }
        else if (Text(document, value) is { } text)
        {
            yield return text;
        }
    }

    private static string? Text(PdfDocument document, IToken? token) => Resolve(document, token) switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        NameToken name => name.Data,
        _ => null,
    };

    /// <summary>One indirect reference followed (to an object that is not itself only a reference: the structure check refused those chains).</summary>
    private static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data)?.Data : token;
}
