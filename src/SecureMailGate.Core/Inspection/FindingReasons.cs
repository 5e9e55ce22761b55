using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Why an attachment or message could not be inspected: the <see cref="Finding.Reason"/> codes. Each names the
/// limit or the failure, never the content, so it can go into audit lines and the sender's bounce.
/// </summary>
public static class FindingReasons
{
    /// <summary>The message's time budget ran out.</summary>
    public const string TimeBudget = "time-budget";

    /// <summary>An administrator's pattern ran past its own timeout.</summary>
    public const string PatternTimeout = "pattern-timeout";

    /// <summary>More bytes would have had to be expanded than the limit allows.</summary>
    public const string ExpandedBytes = "expanded-bytes";

    /// <summary>More parts, archive entries or document parts than the limit allows.</summary>
    public const string TooManyEntries = "too-many-entries";

    /// <summary>Nested deeper than the limit (attachments, MIME, XML, RTF groups, PDF objects).</summary>
    public const string TooDeep = "too-deep";

    /// <summary>An archive entry expands more than the allowed ratio (a compression bomb).</summary>
    public const string ExpansionRatio = "expansion-ratio";

    /// <summary>An archive entry's real size differs from the size its directory declares.</summary>
    public const string SizeMismatch = "size-mismatch";

    /// <summary>The message's header block is longer than the limit.</summary>
    public const string HeaderSize = "header-size";

    /// <summary>A PDF draws more glyphs than the limit.</summary>
    public const string TooManyGlyphs = "too-many-glyphs";

    /// <summary>A PDF's objects refer to each other in a loop.</summary>
    public const string ReferenceLoop = "reference-loop";

    /// <summary>An XML part of an Office document declares a DOCTYPE.</summary>
    public const string Doctype = "doctype";

    /// <summary>A table row is longer, or has more fields, than the limit.</summary>
    public const string RowTooLong = "row-too-long";

    /// <summary>The inspection worker process exceeded its memory cap and was stopped.</summary>
    public const string MemoryCap = "memory-cap";

    /// <summary>The inspection worker process ended without an answer.</summary>
    public const string WorkerFailed = "worker-failed";

    /// <summary>The content is not a MIME message at all.</summary>
    public const string NotMime = "not-mime";

    /// <summary>A limit with no more specific code.</summary>
    public const string Limit = "limit";

    /// <summary>The file is damaged or truncated.</summary>
    public const string Damaged = "damaged";

    /// <summary>The file is in a format or uses a method that cannot be read.</summary>
    public const string UnsupportedFormat = "unsupported-format";

    /// <summary>The content is encrypted (S/MIME enveloped data, an encrypted archive entry).</summary>
    public const string Encrypted = "encrypted";

    /// <summary>Pages with no text layer (a scan): there are no words to read.</summary>
    public const string NoText = "no-text";

    /// <summary>A signature that came without the content it signs.</summary>
    public const string DetachedSignature = "detached-signature";

    /// <summary>A reader failed in a way that does not say more (treated like damage).</summary>
    public const string ReaderFailed = "reader-failed";

    /// <summary>
    /// The reason for a reader's exception: an unsupported format where the reader says so; a reader's own defect or
    /// exhaustion (a null reference, a bad cast, out of memory) is <see cref="ReaderFailed"/>; anything else a parser
    /// throws on bad input is damage.
    /// </summary>
    /// <param name="exception">What the reader threw.</param>
    /// <returns>A reason code.</returns>
    public static string Of(Exception exception) => exception switch
    {
        null => ReaderFailed,
        InspectionLimitException limit => limit.Limit,
        System.Text.RegularExpressions.RegexMatchTimeoutException => PatternTimeout,
        NotSupportedException or NotImplementedException => UnsupportedFormat,
        NullReferenceException or InvalidCastException or OutOfMemoryException or InsufficientExecutionStackException => ReaderFailed,
        _ => Damaged,
    };
}
