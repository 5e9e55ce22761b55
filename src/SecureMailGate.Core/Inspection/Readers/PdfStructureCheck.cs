using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// A pass over a PDF's bytes before PdfPig reads it, refusing the structures PdfPig follows by recursion, which end
/// the process with a stack overflow at any stack size when they loop:
/// <list type="bullet">
/// <item>arrays and dictionaries nested more than <see cref="MaxNesting"/> deep (real files nest a handful);</item>
/// <item>objects that lead back to themselves through what PdfPig resolves eagerly and recursively: an object that is
/// only a reference to another (<c>6 0 obj 7 0 R endobj</c>), references under <see cref="EagerKeys"/> (resources and
/// their categories, page-tree kids, descendant fonts, functions, soft masks, an object stream's <c>/Extends</c>),
/// and everything inside a resource (<see cref="ResourceKeys"/>): a font, form, pattern or colour space stored as an
/// object is followed in full, transitively, because PdfPig reads it whole when a page is read or drawn;</item>
/// <item>a loop of <c>/Parent</c> links (a page tree's parents always end at its root).</item>
/// </list>
/// The cycles real documents have by nature are not followed (<see cref="BackLinkKeys"/>): <c>/Parent</c> back to the
/// page tree, annotations and their <c>/P</c>, destinations and actions back to a page, outline and article-thread
/// links, structure-tree parents. A resource dictionary shared by a page and a form drawn on it, listing that form,
/// is a cycle here: PdfPig would recurse into it if the form drew itself, and the pass cannot read content streams.
/// Compressed object streams (<c>/FlateDecode</c> or unfiltered) are inflated, charged to the budget, and their
/// objects checked the same way. The scan is iterative and linear in the file; stream data is skipped by its direct
/// <c>/Length</c> or, failing that, up to the next <c>endstream</c>, as PdfPig does.
/// Not thread-safe: one instance per document.
/// </summary>
internal sealed class PdfStructureCheck
{
    /// <summary>Deepest nesting of arrays and dictionaries accepted; deeper is an inspection limit.</summary>
    public const int MaxNesting = 256;

    /// <summary>Keys whose values PdfPig resolves while it opens a document or a page, following references down.</summary>
    internal static readonly HashSet<string> EagerKeys = new(StringComparer.Ordinal)
    {
        "Resources", "Pages", "Kids", "Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties",
        "DescendantFonts", "Function", "Functions", "SMask", "Alternate", "Extends",
    };

    /// <summary>Keys whose value PdfPig reads in full, with everything it refers to: the resources a page or form draws with.</summary>
    internal static readonly HashSet<string> ResourceKeys = new(StringComparer.Ordinal)
    {
        "Resources", "Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties",
        "DescendantFonts", "Function", "Functions", "SMask", "Alternate", "Extends",
    };

    /// <summary>Links back up or across the document, which real files loop through by design and PdfPig does not follow while reading text.</summary>
    internal static readonly HashSet<string> BackLinkKeys = new(StringComparer.Ordinal)
    {
        "Parent", "P", "Pg", "Annots", "Dest", "D", "A", "AA", "Next", "Prev", "First", "Last", "N", "V", "T", "B",
        "Popup", "IRT", "Obj", "Data", "K", "StructTreeRoot", "Outlines", "Threads",
    };

    private static readonly byte[] EndStream = Encoding.ASCII.GetBytes("endstream");

    private readonly InspectionBudget _budget;
    private readonly PdfReferenceGraph _eager = new();
    private readonly PdfReferenceGraph _parents = new();
    private readonly Dictionary<int, List<(int Target, bool BackLink)>> _references = new();
    private readonly Dictionary<int, int> _aliases = new();
    private readonly List<int> _resources = new();
    private readonly HashSet<int> _expanded = new();
    private readonly List<ObjectStream> _objectStreams = new();
    private readonly List<Frame> _frames = new();
    private readonly Dictionary<string, string> _topValues = new(StringComparer.Ordinal);
    private readonly StringBuilder _token = new();
    private int _object = -1;
    private long _previous = -1;
    private long _beforePrevious = -1;

    private PdfStructureCheck(InspectionBudget budget)
    {
        _budget = budget;
    }

    /// <summary>Checks a whole PDF file.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="length">How many of them are the file.</param>
    /// <param name="encrypted">Whether the file has an encryption dictionary: its object streams cannot be read here.</param>
    /// <param name="budget">Charged with inflated object streams; its time budget is checked.</param>
    /// <returns>The check, holding the file's reference graph for <see cref="CheckObjectStream"/>.</returns>
    /// <exception cref="InspectionLimitException">Nesting too deep, or a reference cycle PdfPig would follow.</exception>
    public static PdfStructureCheck Check(byte[] data, int length, bool encrypted, InspectionBudget budget)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        if (length < 0 || length > data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        var check = new PdfStructureCheck(budget ?? throw new ArgumentNullException(nameof(budget)));
        check.Scan(data, 0, length, fixedObject: -1);
        foreach (ObjectStream stream in encrypted ? new List<ObjectStream>() : check._objectStreams)
        {
            check.ScanObjectStream(data, stream);
        }

        check.ThrowIfLooped();
        return check;
    }

    /// <summary>
    /// Checks the objects of an object stream as PdfPig decoded it (decrypted, every filter applied), against the graph
    /// of the whole file, before PdfPig parses them: the pass over the file cannot read encrypted or predictor-coded
    /// object streams, and a loop hidden in one would otherwise reach PdfPig unseen.
    /// </summary>
    /// <param name="decoded">The object stream's decoded data.</param>
    /// <param name="count">Its <c>/N</c>: how many objects it holds.</param>
    /// <param name="first">Its <c>/First</c>: where the first object starts.</param>
    /// <exception cref="InspectionLimitException">Nesting too deep, or a reference cycle PdfPig would follow.</exception>
    public void CheckObjectStream(byte[] decoded, int count, int first)
    {
        ScanObjectStreamObjects(decoded ?? throw new ArgumentNullException(nameof(decoded)), count, first);
        ThrowIfLooped();
    }

    private void ThrowIfLooped()
    {
        AddResourceReferences();
        if (_eager.HasCycle(_budget) || _parents.HasCycle(_budget))
        {
            throw new InspectionLimitException(FindingReasons.ReferenceLoop, "A PDF's objects refer to each other in a loop.");
        }
    }

    private static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Tokenizes <paramref name="data"/> from <paramref name="start"/> to <paramref name="end"/>. With
    /// <paramref name="fixedObject"/> at 0 or more, the bytes are the body of that object (inside an object stream).
    /// </summary>
    private void Scan(byte[] data, int start, int end, int fixedObject)
    {
        _frames.Clear();
        _previous = _beforePrevious = -1;
        if (fixedObject >= 0)
        {
            BeginObject(fixedObject, forgetEarlier: true);
        }

        int i = start;
        int nextTimeCheck = start;
        while (i < end)
        {
            if (i >= nextTimeCheck)
            {
                _budget.CheckTime();
                nextTimeCheck = i + (1 << 20);
            }

            byte b = data[i];
            if (IsWhite(b))
            {
                i++;
                continue;
            }

            switch (b)
            {
                case (byte)'%':
                    while (i < end && data[i] != '\n' && data[i] != '\r')
                    {
                        i++;
                    }

                    continue;
                case (byte)'(':
                    i = SkipLiteralString(data, i, end);
                    CompleteValue();
                    continue;
                case (byte)'<' when i + 1 < end && data[i + 1] == '<':
                    Open(isDictionary: true);
                    i += 2;
                    continue;
                case (byte)'<':
                    i = Array.IndexOf(data, (byte)'>', i, end - i) is var close and >= 0 ? close + 1 : end;
                    CompleteValue();
                    continue;
                case (byte)'>' when i + 1 < end && data[i + 1] == '>':
                    Close();
                    i += 2;
                    continue;
                case (byte)'[':
                    Open(isDictionary: false);
                    i++;
                    continue;
                case (byte)']':
                    Close();
                    i++;
                    continue;
                case (byte)'/':
                    i = ReadName(data, i + 1, end);
                    continue;
                case (byte)')' or (byte)'>' or (byte)'{' or (byte)'}':
                    i++;
                    continue;
            }

            int tokenStart = i;
            while (i < end && !IsWhite(data[i]) && !IsDelimiter(data[i]))
            {
                i++;
            }

            i = Keyword(data, tokenStart, i, end, fixedObject);
        }
    }

    /// <summary>Handles a number or keyword spanning <paramref name="start"/> to <paramref name="stop"/>; returns where scanning goes on.</summary>
    private int Keyword(byte[] data, int start, int stop, int end, int fixedObject)
    {
        long number = 0;
        bool isNumber = stop - start <= 10;
        for (int k = start; k < stop && isNumber; k++)
        {
            isNumber = data[k] >= '0' && data[k] <= '9';
            number = (number * 10) + (data[k] - '0');
        }

        if (isNumber)
        {
            RememberValue(Encoding.ASCII.GetString(data, start, stop - start));
            CompleteValue();
            _beforePrevious = _previous;
            _previous = number;
            return stop;
        }

        string word = Encoding.ASCII.GetString(data, start, stop - start);
        bool afterTwoNumbers = _previous >= 0 && _beforePrevious >= 0 && _beforePrevious <= int.MaxValue;
        int referenced = afterTwoNumbers ? (int)_beforePrevious : -1;
        _previous = _beforePrevious = -1;
        switch (word)
        {
            case "R" when afterTwoNumbers:
                Reference(referenced);
                return stop;
            case "obj" when afterTwoNumbers && fixedObject < 0:
                BeginObject(referenced, forgetEarlier: true);
                return stop;
            case "endobj" when fixedObject < 0:
                _object = -1;
                _frames.Clear();
                return stop;
            case "stream" when _frames.Count == 0 && fixedObject < 0:
                return SkipStreamData(data, stop, end);
            default:
                CompleteValue();
                return stop;
        }
    }

    private void BeginObject(int number, bool forgetEarlier)
    {
        _object = number;
        _frames.Clear();
        _topValues.Clear();
        if (forgetEarlier)
        {
            _eager.Forget(number);
            _parents.Forget(number);
            _references.Remove(number);
            _aliases.Remove(number);
            _expanded.Remove(number);
        }
    }

    private void Open(bool isDictionary)
    {
        if (_frames.Count >= MaxNesting)
        {
            throw new InspectionLimitException(FindingReasons.TooDeep, $"A PDF nests arrays or dictionaries more than {MaxNesting} deep.");
        }

        // A direct array or dictionary in the object's own dictionary (/Filter [/FlateDecode]): its names are collected.
        if (_frames.Count == 1 && _frames[0] is { IsDictionary: true, ExpectKey: false, Key: { } key })
        {
            _topValues[key] = string.Empty;
        }

        _frames.Add(_frames.Count == 0 ? new Frame(isDictionary) : new Frame(isDictionary, _frames[_frames.Count - 1]));
        _previous = _beforePrevious = -1;
    }

    private void Close()
    {
        if (_frames.Count > 0)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }

        _previous = _beforePrevious = -1;
        CompleteValue();
    }

    /// <summary>A value ended: in a dictionary, the next name is a key again.</summary>
    private void CompleteValue()
    {
        if (_frames.Count > 0 && _frames[_frames.Count - 1] is { IsDictionary: true } frame)
        {
            frame.ExpectKey = true;
        }
    }

    /// <summary>Keeps the direct values of the object's own dictionary (/Type, /Length, /N, /First, /Filter).</summary>
    private void RememberValue(string value)
    {
        if (_frames.Count == 1 && _frames[0] is { IsDictionary: true, ExpectKey: false, Key: { } key })
        {
            _topValues[key] = value;
        }
        else if (_frames.Count == 2 && _frames[0] is { IsDictionary: true, Key: { } outer } && _frames[1] is { IsDictionary: false }
            && _topValues.TryGetValue(outer, out string? collected))
        {
            _topValues[outer] = (collected + " " + value).Trim();
        }
    }

    private int ReadName(byte[] data, int i, int end)
    {
        _token.Clear();
        while (i < end && !IsWhite(data[i]) && !IsDelimiter(data[i]))
        {
            // #xx escapes spell any byte: /Re#73ources is /Resources to PdfPig, so it is here too.
            if (data[i] == '#' && i + 2 < end && HexValue(data[i + 1]) >= 0 && HexValue(data[i + 2]) >= 0)
            {
                _token.Append((char)((HexValue(data[i + 1]) << 4) | HexValue(data[i + 2])));
                i += 3;
                continue;
            }

            _token.Append((char)data[i]);
            i++;
        }

        _previous = _beforePrevious = -1;
        if (_frames.Count > 0 && _frames[_frames.Count - 1] is { IsDictionary: true, ExpectKey: true } frame)
        {
            frame.Key = _token.ToString();
            frame.ExpectKey = false;
        }
        else
        {
            RememberValue("/" + _token);
            CompleteValue();
        }

        return i;
    }

    private void Reference(int target)
    {
        if (_object < 0)
        {
            return;
        }

        if (_frames.Count == 0)
        {
            // The object is nothing but a reference: resolving it resolves the target, recursively.
            _aliases[_object] = target;
            _eager.Add(_object, target);
            return;
        }

        Frame frame = _frames[_frames.Count - 1];
        if (!_references.TryGetValue(_object, out List<(int Target, bool BackLink)>? all))
        {
            all = new List<(int Target, bool BackLink)>();
            _references[_object] = all;
        }

        all.Add((target, frame.ValuesAreBackLinks));
        if (frame.ValuesAreEager)
        {
            _eager.Add(_object, target);
        }

        if (frame.ValuesAreResources)
        {
            // A resource stored as its own object (/Font 12 0 R, /F1 5 0 R) is read whole: follow all of it.
            _resources.Add(target);
        }

        if (_frames.Count == 1 && frame.IsDictionary && frame.Key is { } key)
        {
            if (key == "Parent")
            {
                _parents.Add(_object, target);
            }

            _topValues[key] = "R";
        }
    }

    /// <summary>
    /// Every reference inside a resource object is followed eagerly, and what it reaches is a resource too
    /// (transitively: a font's descriptor, a form's own resources), back-links apart.
    /// </summary>
    private void AddResourceReferences()
    {
        var seen = new HashSet<int>();
        var pending = new Stack<int>(_resources);
        while (pending.Count > 0)
        {
            int current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (_aliases.TryGetValue(current, out int aliased))
            {
                pending.Push(aliased);
            }

            if (!_references.TryGetValue(current, out List<(int Target, bool BackLink)>? targets))
            {
                continue;
            }

            // Run again after each object stream PdfPig decodes: edges are added once per definition of an object.
            bool fresh = _expanded.Add(current);
            foreach ((int target, bool backLink) in targets)
            {
                if (!backLink)
                {
                    if (fresh)
                    {
                        _eager.Add(current, target);
                    }

                    pending.Push(target);
                }
            }
        }
    }

    private int SkipStreamData(byte[] data, int afterKeyword, int end)
    {
        int dataStart = afterKeyword;
        if (dataStart < end && data[dataStart] == '\r')
        {
            dataStart++;
        }

        if (dataStart < end && data[dataStart] == '\n')
        {
            dataStart++;
        }

        int dataEnd = -1;
        if (_topValues.TryGetValue("Length", out string? lengthText)
            && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int declared)
            && declared <= end - dataStart)
        {
            int k = dataStart + declared;
            while (k < end && IsWhite(data[k]))
            {
                k++;
            }

            if (new ReadOnlySpan<byte>(data, k, end - k).StartsWith(EndStream))
            {
                dataEnd = dataStart + declared;
            }
        }

        if (dataEnd < 0)
        {
            int found = new ReadOnlySpan<byte>(data, dataStart, end - dataStart).IndexOf(EndStream);
            dataEnd = found < 0 ? end : dataStart + found;
        }

        if (_object >= 0 && _topValues.TryGetValue("Type", out string? type) && type == "/ObjStm")
        {
            _objectStreams.Add(new ObjectStream(
                dataStart,
                dataEnd - dataStart,
                IntValue("N"),
                IntValue("First"),
                _topValues.TryGetValue("Filter", out string? filter) && filter.Length > 0 ? filter : null,
                _topValues.ContainsKey("DecodeParms")));
        }

        return dataEnd;
    }

    private int IntValue(string key) =>
        _topValues.TryGetValue(key, out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : -1;

    /// <summary>Inflates an object stream and checks each object in it as if it stood in the file.</summary>
    private void ScanObjectStream(byte[] file, ObjectStream stream)
    {
        if (stream.Count <= 0 || stream.First < 0 || stream.HasDecodeParameters || (stream.Filter is not null && stream.Filter != "/FlateDecode"))
        {
            // Empty, predictor-coded or another filter: nothing this pass can read; checked when PdfPig decodes it.
            return;
        }

        byte[] data = stream.Filter is null ? new ReadOnlySpan<byte>(file, stream.Start, stream.Length).ToArray() : Inflate(file, stream);
        ScanObjectStreamObjects(data, stream.Count, stream.First);
    }

    /// <summary>Checks each object in decoded object-stream data as if it stood in the file.</summary>
    private void ScanObjectStreamObjects(byte[] data, int count, int first)
    {
        if (count <= 0 || first < 0 || first > data.Length)
        {
            return;
        }

        // The header: N pairs of object number and offset from /First.
        var numbers = new List<(int Number, int Offset)>();
        int i = 0;
        while (numbers.Count < count && i < first)
        {
            long number = ReadUnsigned(data, ref i, first);
            long offset = ReadUnsigned(data, ref i, first);
            if (number < 0 || offset < 0 || number > int.MaxValue || offset > data.Length - first)
            {
                break;
            }

            numbers.Add(((int)number, (int)offset));
        }

        for (int n = 0; n < numbers.Count; n++)
        {
            int start = first + numbers[n].Offset;
            int stop = n + 1 < numbers.Count ? first + numbers[n + 1].Offset : data.Length;
            if (stop > start)
            {
                Scan(data, start, stop, numbers[n].Number);
            }
        }
    }

    private static long ReadUnsigned(byte[] data, ref int i, int end)
    {
        while (i < end && IsWhite(data[i]))
        {
            i++;
        }

        long value = -1;
        while (i < end && data[i] >= '0' && data[i] <= '9' && value < int.MaxValue)
        {
            value = (Math.Max(value, 0) * 10) + (data[i] - '0');
            i++;
        }

        return value;
    }

    private byte[] Inflate(byte[] file, ObjectStream stream)
    {
        if (stream.Length <= 2)
        {
            return Array.Empty<byte>();
        }

        // The zlib header is skipped, as PdfPig does; every byte out is charged and the ratio checked past 1 MiB.
        using var inflater = new DeflateStream(new MemoryStream(file, stream.Start + 2, stream.Length - 2, writable: false), CompressionMode.Decompress);
        using var output = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = inflater.Read(chunk, 0, chunk.Length)) > 0)
            {
                _budget.ChargeBytes(read);
                output.Write(chunk, 0, read);
                if (output.Length > BudgetedPdfFilters.RatioFloor)
                {
                    _budget.CheckRatio(stream.Length, output.Length);
                }
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: check what came out; PdfPig decides what to make of the rest.
        }

        return output.ToArray();
    }

    private int SkipLiteralString(byte[] data, int i, int end)
    {
        int depth = 0;
        for (; i < end; i++)
        {
            switch (data[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')' when --depth == 0:
                    _previous = _beforePrevious = -1;
                    return i + 1;
            }
        }

        return end;
    }

    /// <summary>An open array or dictionary: for a dictionary, its current key; and what the value it belongs to is.</summary>
    private sealed class Frame
    {
        public Frame(bool isDictionary)
        {
            IsDictionary = isDictionary;
            ExpectKey = isDictionary;
        }

        public Frame(bool isDictionary, Frame parent)
            : this(isDictionary)
        {
            InsideEagerValue = parent.ValuesAreEager;
            InsideResource = parent.ValuesAreResources;
            InsideBackLink = parent.ValuesAreBackLinks;
        }

        public bool IsDictionary { get; }

        public bool ExpectKey { get; set; }

        public string? Key { get; set; }

        /// <summary>Whether references met directly in this container are back-links, never followed.</summary>
        public bool ValuesAreBackLinks => InsideBackLink || (IsDictionary && Key is not null && BackLinkKeys.Contains(Key));

        /// <summary>Whether references met directly in this container are followed eagerly.</summary>
        public bool ValuesAreEager => !ValuesAreBackLinks && (InsideEagerValue || (IsDictionary && Key is not null && EagerKeys.Contains(Key)));

        /// <summary>Whether references met directly in this container lead to resources, read in full.</summary>
        public bool ValuesAreResources => !ValuesAreBackLinks && (InsideResource || (IsDictionary && Key is not null && ResourceKeys.Contains(Key)));

        private bool InsideEagerValue { get; }

        private bool InsideResource { get; }

        private bool InsideBackLink { get; }
    }

    /// <summary>Where an object stream's data lies in the file, and its header values.</summary>
    private sealed record ObjectStream(int Start, int Length, int Count, int First, string? Filter, bool HasDecodeParameters);
}
