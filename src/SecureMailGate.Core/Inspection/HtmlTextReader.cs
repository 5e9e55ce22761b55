using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MimeKit.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Turns HTML into plain text as it streams, using MimeKit's tokenizer: entities (including <c>&amp;nbsp;</c>)
/// decoded, tags removed, scripts and styles dropped. Inline tags vanish without a trace, so
/// <c>943&lt;b&gt;476&lt;/b&gt;5919</c> reads as one number; block tags (paragraphs, cells, line breaks) become
/// line breaks, so separate cells do not run together.
/// </summary>
public sealed class HtmlTextReader : TextReader
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "ul", "body", "html", "head",
    };

    private readonly HtmlTokenizer _tokenizer;
    private readonly TextReader _source;
    private readonly StringBuilder _pending = new();
    private int _pendingIndex;
    private string? _skipUntil;
    private bool _done;

    /// <summary>Wraps an HTML source.</summary>
    /// <param name="html">The HTML text; disposed with this reader.</param>
    public HtmlTextReader(TextReader html)
    {
        _source = html ?? throw new ArgumentNullException(nameof(html));
        _tokenizer = new HtmlTokenizer(html) { DecodeCharacterReferences = true };
    }

    /// <inheritdoc />
    public override int Peek() => Fill() ? _pending[_pendingIndex] : -1;

    /// <inheritdoc />
    public override int Read() => Fill() ? _pending[_pendingIndex++] : -1;

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (!Fill())
        {
            return 0;
        }

        int n = Math.Min(count, _pending.Length - _pendingIndex);
        _pending.CopyTo(_pendingIndex, buffer, index, n);
        _pendingIndex += n;
        return n;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (_pendingIndex >= _pending.Length)
        {
            _pending.Clear();
            _pendingIndex = 0;
            if (_done || !_tokenizer.ReadNextToken(out HtmlToken? token))
            {
                _done = true;
                return false;
            }

            switch (token)
            {
                case HtmlTagToken tag when _skipUntil is not null:
                    if (tag.IsEndTag && string.Equals(tag.Name, _skipUntil, StringComparison.OrdinalIgnoreCase))
                    {
                        _skipUntil = null;
                    }

                    break;
                case HtmlTagToken tag:
                    if (!tag.IsEndTag && !tag.IsEmptyElement
                        && (string.Equals(tag.Name, "script", StringComparison.OrdinalIgnoreCase)
                            || string.Equals(tag.Name, "style", StringComparison.OrdinalIgnoreCase)))
                    {
                        _skipUntil = tag.Name;
                    }
                    else if (BlockTags.Contains(tag.Name))
                    {
                        _pending.Append('\n');
                    }

                    break;
                case HtmlDataToken data when _skipUntil is null && data.Kind != HtmlTokenKind.ScriptData:
                    _pending.Append(data.Data);
                    break;
            }
        }

        return true;
    }
}
