using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using MimeKit.Text;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Turns HTML into plain text as it streams, using MimeKit's tokenizer: entities (including <c>&amp;nbsp;</c> and
/// <c>&amp;#8203;</c>) decoded, tags removed, scripts and styles dropped. Inline tags vanish without a trace, so
/// <c>943&lt;b&gt;476&lt;/b&gt;5919</c> reads as one number; block tags (paragraphs, cells, line breaks) become
/// line breaks, so separate cells do not run together. Text a reader may see that is not element content is read too:
/// <c>alt</c> and <c>title</c> attributes (as words between spaces), and Outlook's conditional comments
/// (<c>&lt;!--[if mso]&gt;...&lt;![endif]--&gt;</c>), whose HTML Outlook shows.
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

                if (!tag.IsEndTag)
                {
                    AppendShownAttributes(tag, pending);
                }

                break;
            case HtmlCommentToken comment when _skipUntil is null && IsConditional(comment.Comment):
                AppendConditional(comment.Comment, pending);
                break;
            case HtmlDataToken data when _skipUntil is null && data.Kind != HtmlTokenKind.ScriptData:
                pending.Append(data.Data);
                break;
        }

        return true;
    }

    /// <summary>Whether a comment is a conditional one (<c>[if mso]&gt;</c> ... <c>&lt;![endif]</c>).</summary>
    private static bool IsConditional(string? comment) =>
        comment is not null && comment.TrimStart().StartsWith("[if", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text of the HTML inside a conditional comment, between line breaks.</summary>
    private static void AppendConditional(string comment, StringBuilder pending)
    {
        int open = comment.IndexOf('>');
        int close = comment.LastIndexOf("<![endif]", StringComparison.OrdinalIgnoreCase);
        if (open < 0)
        {
            return;
        }

        int end = close > open ? close : comment.Length;
        using var inner = new HtmlTextReader(new StringReader(comment.Substring(open + 1, end - open - 1)));
        pending.Append('\n').Append(inner.ReadToEnd()).Append('\n');
    }

    /// <summary>Appends the <c>alt</c> and <c>title</c> text of a start tag, each between spaces.</summary>
    private static void AppendShownAttributes(HtmlTagToken tag, StringBuilder pending)
    {
        foreach (HtmlAttribute attribute in tag.Attributes)
        {
            if (attribute.Value is { Length: > 0 } value
                && (string.Equals(attribute.Name, "alt", StringComparison.OrdinalIgnoreCase) || string.Equals(attribute.Name, "title", StringComparison.OrdinalIgnoreCase)))
            {
                pending.Append(' ').Append(value.IndexOf('&') >= 0 ? WebUtility.HtmlDecode(value) : value).Append(' ');
            }
        }
    }
}
