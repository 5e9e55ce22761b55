using System;
using System.Text.RegularExpressions;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// What surrounds a ten-digit candidate or a keyword in text (POLICY §2, contexts): a telephone number, a URL or
/// e-mail address, an encoded block, a program identifier, a signature, a contact block. Pure functions over a
/// window's text; each looks at most <see cref="ContextKeywords.Proximity"/> characters away, so the answer is the
/// same whichever chunk or candidate window the text was scanned in.
/// </summary>
internal static class NumberContext
{
    /// <summary>How far back on its line a telephone cue may stand before the number.</summary>
    private const int CueReach = 48;

    /// <summary>How far along a line the context looks.</summary>
    private const int LineReach = 200;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Words that only ever label a telephone number: they count anywhere shortly before it on its line.</summary>
    private const string StrongCues =
        "phone|telephone|tele?fon[eo]?|t[ée]l[ée]phone|tel[ée]fono|t[ée]l|tel|tlf|ph|phn|fone|fax|telefax|facsimile|mobile|mob|mobil|cell|" +
        "cellphone|cellular|cellulare|cel|handy|m[óo]vil|portable|natel|voice|voicemail|switchboard|ext|extn|extension|" +
        "direct\\s+(?:line|dial)|ddi|pager|hotline|helpline|freephone|toll[\\s-]?free";

    /// <summary>Everyday words that label a telephone number only when the number follows straight on ("call 949-...").</summary>
    private const string WeakCues = "call|ring|dial|text|sms|whatsapp|contact|office|home|work|direct|switch";

    /// <summary>A telephone cue before the number: a strong cue anywhere in the stretch, a weak one directly before it.</summary>
    private static readonly Regex CueBefore = new(
        @"(?<![\p{L}\p{N}])(?i:" + StrongCues + @")(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?i:" + WeakCues + @")(?:\s+(?i:me|us|him|her|them|now|today))?(?:\s+(?i:on|at))?\s*[:.#)\]-]?\s*$",
        Options,
        Timeout);

    /// <summary>A one-letter label (T: F. M: (w)) directly before the number.</summary>
    private static readonly Regex LetterLabelBefore = new(@"(?:^|[\s|/,;(\[])(?:[TFMPHWODC]\s*[:.]|\([tfmhwocTFMHWOC]\))\s*$", Options, Timeout);

    /// <summary>A telephone cue or an extension directly after the number.</summary>
    private static readonly Regex CueAfter = new(
        @"^[\s,;:/|()\[\]-]{0,4}(?:(?i:" + StrongCues + @")(?![\p{L}\p{N}])|(?i:x|ext\.?|extn\.?)\s*[0-9]|\(?[tfmhwocTFMHWOC]\)(?![\p{L}\p{N}]))",
        Options,
        Timeout);

    /// <summary>A country code, or the UK's dropped trunk zero "(0)", directly before the number.</summary>
    private static readonly Regex InternationalPrefix = new(@"(?:\+\s?[0-9]{1,4}[\s.\-]*(?:\(0\)[\s.\-]*)?|\(0\)[\s.\-]*|\+\s?[0-9]{1,4}[\s.\-]*\([0-9]{1,4}\)[\s.\-]*)$", Options, Timeout);

    /// <summary>A program identifier directly before the number: an assignment, or a name with an underscore or ending in "id".</summary>
    private static readonly Regex IdentifierBefore = new(
        @"(?:(?<![\p{L}\p{N}_.$])[A-Za-z_][A-Za-z0-9_.$]*\s*(?:==?|<-|:=|->)\s*[""']?|(?<![\p{L}\p{N}_])(?:[A-Za-z0-9]+_[A-Za-z0-9_]*|_[A-Za-z0-9_]+|[a-z]{1,12}id|[a-z]+ID)\s*[:=#]?\s*[""']?)$",
        Options,
        Timeout);

    /// <summary>What may come before the first value of a row of pasted data: quote marks and a row number.</summary>
    private static readonly Regex RowStart = new(@"^[\s>]*(?:\[?[0-9]{1,6}\]?[\s,;|]+)?$", Options, Timeout);

    /// <summary>A table header's first field.</summary>
    private static readonly Regex HeaderFirstField = new(@"^[\s>#|]*[""']?(?<name>[A-Za-z_][A-Za-z0-9_.]*)", Options, Timeout);

    /// <summary>A name that reads as a program identifier, not a word: an underscore in it, or lower case ending in "id".</summary>
    private static readonly Regex IdentifierName = new(@"^(?:[A-Za-z0-9]+_[A-Za-z0-9_]*|_[A-Za-z0-9_]+|[a-z]{1,12}id|[a-z]+ID)$", Options, Timeout);

    /// <summary>A URL or a domain followed by a path.</summary>
    private static readonly Regex UrlShape = new(@"://|^www\.|[A-Za-z0-9-]\.[A-Za-z]{2,}(?::[0-9]+)?/", Options | RegexOptions.IgnoreCase, Timeout);

    /// <summary>A base64 or PGP armour run: 40 or more characters of its alphabet, upper and lower case letters mixed.</summary>
    private static readonly Regex EncodedShape = new(@"^(?=[^A-Z]*[A-Z])(?=[^a-z]*[a-z])[A-Za-z0-9+/=]{40,}$", Options, Timeout);

    /// <summary>A signature delimiter line, quoted or not.</summary>
    private static readonly Regex SignatureDelimiter = new(@"(?m)^(?:[ \t]*>)*[ \t]*-- ?\r?$", Options, Timeout);

    /// <summary>An e-mail address or a URL on a line.</summary>
    private static readonly Regex AddressOnLine = new(@"[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.[\p{L}\p{N}.-]|https?://|(?<![\p{L}\p{N}])www\.", Options | RegexOptions.IgnoreCase, Timeout);

    /// <summary>What may stand between a label and its value: punctuation, and "no", "number" or "id".</summary>
    private static readonly Regex LabelGlue = new(@"^[\s:#=.\-_()\[\]'""/]*(?:(?i:no|nos|num|number|nbr|id)\.?[\s:#=.\-_()\[\]'""/]*)?$", Options, Timeout);

    /// <summary>The whitespace-delimited token holding [start, end) (a grouped number's inner spaces included).</summary>
    public static string Token(string text, int start, int end)
    {
        int s = start;
        while (s > 0 && start - s < LineReach && !IsTokenBreak(text[s - 1]))
        {
            s--;
        }

        int e = end;
        while (e < text.Length && e - end < LineReach && !IsTokenBreak(text[e]))
        {
            e++;
        }

        return text.Substring(s, e - s);
    }

    /// <summary>Whether [start, end) is part of a URL, a domain path or an e-mail address.</summary>
    public static bool InUrlOrAddress(string text, int start, int end)
    {
        string token = Token(text, start, end);
        return token.IndexOf('@') >= 0 || UrlShape.IsMatch(token);
    }

    /// <summary>Whether [start, end) lies in a base64, PGP-armoured or uuencoded block.</summary>
    public static bool InEncodedBlock(string text, int start, int end)
    {
        if (EncodedShape.IsMatch(Token(text, start, end)))
        {
            return true;
        }

        // A uuencoded line: "M" and sixty characters from the 0x20-0x60 alphabet.
        string line = Line(text, start, end, out _);
        string trimmed = line.TrimEnd('\r');
        if (trimmed.Length != 61 || trimmed[0] != 'M')
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (c < 0x20 || c > 0x60)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the keyword at [start, end) is part of a URL, an address or a program identifier.</summary>
    public static bool KeywordInUrlOrIdentifier(string text, int start, int end)
    {
        if (InUrlOrAddress(text, start, end))
        {
            return true;
        }

        char before = start > 0 ? text[start - 1] : ' ';
        char after = end < text.Length ? text[end] : ' ';
        char afterNext = end + 1 < text.Length ? text[end + 1] : ' ';
        if (before is '_' or '$' or '.' or '@' || after is '_' or '$' or '(' or '[' || (after == '.' && char.IsLetterOrDigit(afterNext)))
        {
            return true;
        }

        // An assignment to the keyword: "gp = x", "gp <- 3". (A number written straight after it is still labelled by
        // it: the detector looks for a keyword directly on a number among all keywords, these included.)
        int i = end;
        while (i < text.Length && i - end < 8 && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && (text[i] == '=' || (text[i] == '<' && i + 1 < text.Length && text[i + 1] == '-'));
    }

    /// <summary>
    /// Whether a keyword sits directly on the number: ends before it on the same line with only punctuation (and "no",
    /// "number" or "id") between, as in "NHS No: 943 476 5919", or starts just after it, as in "943 476 5919 (NHS)".
    /// </summary>
    public static bool KeywordOnIt(string text, int start, int end, int keywordStart, int keywordEnd)
    {
        if (keywordEnd <= start && start - keywordEnd <= 16)
        {
            string gap = text.Substring(keywordEnd, start - keywordEnd);
            return gap.IndexOf('\n') < 0 && LabelGlue.IsMatch(gap);
        }

        if (keywordStart >= end && keywordStart - end <= 4)
        {
            string gap = text.Substring(end, keywordStart - end);
            return gap.IndexOf('\n') < 0 && gap.Trim(' ', '\t', '(', '[', ',', '-', ':').Length == 0;
        }

        return false;
    }

    /// <summary>
    /// Whether the number is a telephone number by its context: a cue (phone, fax, mobile, tel, switchboard, ext, direct
    /// line, T:, ...) before it on its line or at the end of the line before when it starts its line, a cue or an
    /// extension just after it, a country code or "(0)" just before it, or a signature block ("-- " line) above it.
    /// </summary>
    public static bool IsTelephone(string text, int start, int end)
    {
        string before = BeforeOnLine(text, start);
        string tail = before.Length > CueReach ? before.Substring(before.Length - CueReach) : before;
        if (CueBefore.IsMatch(tail) || LetterLabelBefore.IsMatch(tail) || InternationalPrefix.IsMatch(tail))
        {
            return true;
        }

        if (IsBlank(before) && start - before.Length >= 1)
        {
            string previous = BeforeOnLine(text, start - before.Length - 1);
            string previousTail = previous.Length > CueReach ? previous.Substring(previous.Length - CueReach) : previous;
            if (CueBefore.IsMatch(previousTail) || LetterLabelBefore.IsMatch(previousTail))
            {
                return true;
            }
        }

        int afterLength = Math.Min(24, text.Length - end);
        if (CueAfter.IsMatch(text.Substring(end, afterLength)))
        {
            return true;
        }

        int from = Math.Max(0, start - ContextKeywords.Proximity);
        return SignatureDelimiter.IsMatch(text.Substring(from, start - from));
    }

    /// <summary>
    /// The program identifier that labels the number (an assignment <c>x = </c>, a name with an underscore such as
    /// <c>foo_id=</c>, or a lower-case name ending in "id" such as <c>schid</c>), in words ("foo id"), or null when none does.
    /// </summary>
    public static string? IdentifierLabel(string text, int start)
    {
        string before = BeforeOnLine(text, start);
        string tail = before.Length > CueReach ? before.Substring(before.Length - CueReach) : before;
        Match m = IdentifierBefore.Match(tail);
        if (!m.Success)
        {
            return null;
        }

        // "patientId", "nhs_no": the words inside the name, so a health keyword in it is still seen.
        return Words(m.Value.TrimStart().Split(' ', '\t', '=', '<', ':', '-', '#', '"', '\'')[0]);
    }

    /// <summary>An identifier's words: "patientId" and "patient_id" are "patient id", "schid" is "sch id".</summary>
    private static string Words(string name)
    {
        string words = Regex.Replace(name, "(?<=[a-z])(?=[A-Z])|[_.$]+", " ", RegexOptions.CultureInvariant, Timeout);
        return Regex.Replace(words, "(?i)(?<=[a-z])(?=id$)", " ", RegexOptions.CultureInvariant, Timeout).Trim();
    }

    /// <summary>
    /// The program identifier heading the column the number starts a row of, in words, or null: pasted sample data such as
    /// "schid  score / 943-476-5919  12", whose header (the nearest line above with letters and no digits, within
    /// <see cref="ContextKeywords.Proximity"/> characters) begins with a name like <c>schid</c> or <c>foo_id</c>.
    /// </summary>
    public static string? ColumnIdentifierLabel(string text, int start)
    {
        string before = BeforeOnLine(text, start);
        if (!RowStart.IsMatch(before))
        {
            return null;
        }

        int limit = Math.Max(0, start - ContextKeywords.Proximity);
        int lineEnd = start - before.Length - 1;
        while (lineEnd > limit)
        {
            int newline = text.LastIndexOf('\n', lineEnd - 1, lineEnd - limit);
            int lineStart = newline + 1;
            if (newline < 0 && limit > 0)
            {
                return null;
            }

            string line = text.Substring(lineStart, lineEnd - lineStart);
            bool digits = false;
            bool letters = false;
            foreach (char c in line)
            {
                digits |= c is >= '0' and <= '9';
                letters |= char.IsLetter(c);
            }

            if (letters && !digits)
            {
                Match header = HeaderFirstField.Match(line);
                return header.Success && IdentifierName.IsMatch(header.Groups["name"].Value) ? Words(header.Groups["name"].Value) : null;
            }

            lineEnd = newline;
        }

        return null;
    }

    /// <summary>
    /// Whether the number stands alone on its line in a block of contact details: a line within two of it holds an
    /// e-mail address or a web address ("CONTACT: / Kieran Taylor / 617-864-0455 / kieran@...").
    /// </summary>
    public static bool InContactBlock(string text, int start, int end)
    {
        string line = Line(text, start, end, out int lineStart);
        string rest = line.Substring(0, start - lineStart) + line.Substring(Math.Min(line.Length, end - lineStart));
        if (rest.Trim(' ', '\t', '\r', '>', ',', ';', '|', '(', ')', '[', ']', '.', '-', '*').Length > 0)
        {
            return false;
        }

        int from = lineStart;
        for (int i = 0; i < 3 && from > 0; i++)
        {
            from = text.LastIndexOf('\n', Math.Max(0, from - 2)) + 1;
        }

        int to = lineStart + line.Length;
        for (int i = 0; i < 2 && to < text.Length; i++)
        {
            int next = text.IndexOf('\n', Math.Min(text.Length - 1, to + 1));
            to = next < 0 ? text.Length : next;
        }

        from = Math.Max(from, start - ContextKeywords.Proximity);
        to = Math.Min(to, end + ContextKeywords.Proximity);
        return AddressOnLine.IsMatch(text.Substring(from, start - from)) || AddressOnLine.IsMatch(text.Substring(end, to - end));
    }

    private static bool IsTokenBreak(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '\'' or '(' or ')' or '[' or ']';

    private static bool IsBlank(string s)
    {
        foreach (char c in s)
        {
            if (c is not (' ' or '\t' or '>' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text from the start of the line holding <paramref name="index"/> (at most <see cref="LineReach"/> back) up to it.</summary>
    private static string BeforeOnLine(string text, int index)
    {
        int from = Math.Max(0, index - LineReach);
        int newline = index > 0 ? text.LastIndexOf('\n', index - 1, index - from) : -1;
        int lineStart = newline < 0 ? from : newline + 1;
        return text.Substring(lineStart, index - lineStart);
    }

    private static string Line(string text, int start, int end, out int lineStart)
    {
        string before = BeforeOnLine(text, start);
        lineStart = start - before.Length;
        int lineEnd = end;
        while (lineEnd < text.Length && lineEnd - end < LineReach && text[lineEnd] != '\n')
        {
            lineEnd++;
        }

        return text.Substring(lineStart, lineEnd - lineStart);
    }
}
