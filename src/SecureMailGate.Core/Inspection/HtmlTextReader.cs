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
public sealed class HtmlTextReader : PullTextReader
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
    private string? _skipUntil;

    /// <summary>Wraps an HTML source.</summary>
    /// <param name="html">The HTML text; disposed with this reader.</param>
    public HtmlTextReader(TextReader html)
    {
        _source = html ?? throw new ArgumentNullException(nameof(html));
        _tokenizer = new HtmlTokenizer(html) { DecodeCharacterReferences = true };
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

    /// <inheritdoc />
    protected override bool ReadNext(StringBuilder pending)
    {
        if (pending is null)
        {
            throw new ArgumentNullException(nameof(pending));
        }

        if (!_tokenizer.ReadNextToken(out HtmlToken? token))
        {
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
                    pending.Append('\n');
                }

                break;
            case HtmlDataToken data when _skipUntil is null && data.Kind != HtmlTokenKind.ScriptData:
                pending.Append(data.Data);
                break;
        }

        return true;
    }
}
