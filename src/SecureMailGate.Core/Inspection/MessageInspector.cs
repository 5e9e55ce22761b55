using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MimeKit;
using SecureMailGate.Core.Inspection.Readers;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Inspects a message once and lists its findings (POLICY §2): the subject, the protective-marking and
/// auto-forwarding headers, the display names and free-text headers (<see cref="HeaderPlaces"/>), every text and HTML part, TNEF bodies, attached messages and attachments.
/// Limits and time budget are enforced; reaching one adds an <c>inspection-limit</c> finding and stops.
/// Thread-safe: one instance serves every message.
/// </summary>
public sealed class MessageInspector
{
    private static readonly Regex SubjectMarking = new(
        @"(?<![\p{L}\p{N}])(?:OFFICIAL[- ]SENSITIVE|CONFIDENTIAL)(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromSeconds(1));

    private readonly PolicyOptions _options;
    private readonly TextScanner _scanner;

    static MessageInspector()
    {
#if NET
        // MimeKit's TNEF reader decodes with Windows code pages (1252 at least, in its type initializer); .NET Core
        // ships them only as a provider. Without it every winmail.dat fails to read, for the life of the process.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
#endif
    }

    private readonly IReadOnlyList<IAttachmentReader> _readers;
    private readonly TimeProvider _clock;

    /// <summary>Builds the detectors for a policy.</summary>
    /// <param name="options">The policy (threshold, admin patterns, limits).</param>
    /// <param name="readers">Attachment readers, tried in order; null for <see cref="DefaultReaders"/>.</param>
    /// <param name="clock">Time source for the time budget.</param>
    public MessageInspector(PolicyOptions options, IEnumerable<IAttachmentReader>? readers, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _readers = (readers ?? DefaultReaders).ToArray();
        var detectors = new List<IDetector> { NhsNumberDetector.Instance, NiNumberDetector.Instance };
        detectors.AddRange(options.Detection.Patterns.Select(p => new PatternDetector(p)));
        _scanner = new TextScanner(detectors);
    }

    /// <summary>Parser settings for untrusted mail: bounded nesting so a hostile message cannot exhaust the stack.</summary>
    public static ParserOptions ParserOptions { get; } = new() { MaxMimeDepth = 64 };

    /// <summary>
    /// The readers used when none are given. Those that recognise a file by its signature come first, so a file is
    /// read as what it is whatever its name (a ".txt" that is a ZIP is read as a ZIP); the name- and type-based text
    /// readers come after, CSV before plain text.
    /// </summary>
    public static IReadOnlyList<IAttachmentReader> DefaultReaders { get; } = new IAttachmentReader[]
    {
        new ZipAttachmentReader(),
        new CompoundFileAttachmentReader(),
        new PdfAttachmentReader(),
        new SevenZipAttachmentReader(),
        new CompressedFileAttachmentReader(),
        new TarAttachmentReader(),
        new TnefAttachmentReader(),
        new MessageAttachmentReader(),
        new RtfAttachmentReader(),
        new HtmlAttachmentReader(),
        new CsvAttachmentReader(),
        new PlainTextAttachmentReader(),
    };

    /// <summary>
    /// Parses and inspects a message given as MIME, all inside one budget that starts before parsing: reading the
    /// header block and the MIME structure is part of the message's cost.
    /// </summary>
    /// <param name="mime">The whole message; read once, not disposed.</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    /// <returns>The message's id and findings; a message that cannot be parsed, or is too costly to parse (a huge header
    /// block, the time budget spent), gets an <c>inspection-limit</c> finding, never a clean result.</returns>
    public InspectedMessage InspectMime(System.IO.Stream mime, System.Threading.CancellationToken cancellationToken = default)
    {
        if (mime is null)
        {
            throw new ArgumentNullException(nameof(mime));
        }

        var budget = new InspectionBudget(_options.Limits, _clock, cancellationToken);
        MimeMessage message;
        try
        {
            message = Parse(mime, budget, cancellationToken);
        }
        catch (InspectionLimitException limit)
        {
            return InspectedMessage.Limit(null, limit.Limit);
        }
        catch (FormatException)
        {
            return InspectedMessage.Limit(null, FindingReasons.NotMime);
        }

        using (message)
        {
            return new InspectedMessage(InspectedMessage.Bracketed(message.MessageId), Inspect(message, budget));
        }
    }

    /// <summary>
    /// Parses the MIME stream inside the budget: the top-level header block is measured first, from the stream and
    /// bounded by <see cref="HeaderBlock.MaxBytes"/>, and the parser then reads through a stream that checks the time.
    /// </summary>
    /// <exception cref="InspectionLimitException">The header block is too long, or the time budget ran out.</exception>
    private static MimeMessage Parse(System.IO.Stream mime, InspectionBudget budget, System.Threading.CancellationToken cancellationToken)
    {
        bool seekable = mime.CanSeek;
        long start = seekable ? mime.Position : 0;
        byte[] head = HeaderBlock.Read(mime, HeaderBlock.MaxBytes(budget.Limits), budget, out int length);
        try
        {
            System.IO.Stream source;
            if (seekable)
            {
                mime.Position = start;
                source = mime;
            }
            else
            {
                source = new PrefixedStream(head, length, mime);
            }

            // Persistent parsing leaves part content in the (seekable) source instead of copying it into memory; a
            // stream that cannot seek is copied whole by the parser, so the head is no longer needed after Load.
            return MimeMessage.Load(MessageInspector.ParserOptions, new TimeCheckedStream(source, budget), seekable, cancellationToken);
        }
        finally
        {
            HeaderBlock.Return(head);
        }
    }

    /// <summary>Inspects <paramref name="message"/>.</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    /// <returns>The findings, one per kind and location.</returns>
    public InspectionResult Inspect(MimeMessage message, System.Threading.CancellationToken cancellationToken = default) =>
        Inspect(message, new InspectionBudget(_options.Limits, _clock, cancellationToken));

    /// <summary>Inspects <paramref name="message"/> within a budget already started (e.g. before the message was parsed).</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="budget">What the message may still cost.</param>
    /// <returns>The findings, one per kind and location.</returns>
    internal InspectionResult Inspect(MimeMessage message, InspectionBudget budget)
    {
        if (message is null || budget is null)
        {
            throw new ArgumentNullException(message is null ? nameof(message) : nameof(budget));
        }

        var session = new InspectionSession(_scanner, _readers, budget);
        string subject = message.Subject ?? string.Empty;
        InspectHeaders(message, subject, session.Findings);
        try
        {
            _scanner.Scan(subject, "subject", session.Findings);
            foreach ((string location, string text) in HeaderPlaces.Of(message))
            {
                // Display names, Thread-Topic, Keywords: located at the header, never quoted.
                _scanner.Scan(text, location, session.Findings);
            }

            session.InspectEntity(message.Body, "body", string.Empty, depth: 0);
        }
        catch (InspectionLimitException limit)
        {
            // Named where it was reached (the innermost attachment) and by which limit.
            session.Findings.Add(new Finding(FindingKinds.InspectionLimit, limit.Location ?? "message", Confidence.High, limit.Limit));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that runs away on this text is a limit like any other.
            session.Findings.Add(new Finding(FindingKinds.InspectionLimit, "message", Confidence.High, FindingReasons.PatternTimeout));
        }

        return new InspectionResult(Merge(session.Findings), IsAutoForwarded(message));
    }

    private void InspectHeaders(MimeMessage message, string subject, List<Finding> findings)
    {
        if (SubjectMarking.IsMatch(subject))
        {
            findings.Add(new Finding(FindingKinds.Marking, "subject", Confidence.High));
        }

        string? sensitivity = message.Headers[HeaderId.Sensitivity]?.Trim();
        if (string.Equals(sensitivity, "Private", StringComparison.OrdinalIgnoreCase)
            || string.Equals(sensitivity, "Company-Confidential", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new Finding(FindingKinds.Marking, "header:Sensitivity", Confidence.High));
        }

        string token = _options.Encryption.Token;
        if (!string.IsNullOrEmpty(token) && subject.IndexOf(token, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            findings.Add(new Finding(FindingKinds.EncryptionRequested, "subject", Confidence.High));
        }
    }

    /// <summary>Auto-forward markers: RFC 3834 <c>Auto-Submitted: auto-forwarded</c> and Exchange's inbox-rule markers.</summary>
    private static bool IsAutoForwarded(MimeMessage message)
    {
        HeaderList headers = message.Headers;
        string? autoSubmitted = headers["Auto-Submitted"];
        if (autoSubmitted is not null && autoSubmitted.Trim().StartsWith("auto-forwarded", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return headers.Contains("X-MS-Exchange-Inbox-Rules-Loop")
            || string.Equals(headers["X-MS-Exchange-Organization-AutoForwarded"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            || (headers["X-MS-Exchange-Generated-Message-Source"]?.IndexOf("Mailbox Rules Agent", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;
    }

    /// <summary>One finding per kind and location, at the highest confidence, in first-seen order.</summary>
    private static IReadOnlyList<Finding> Merge(List<Finding> findings)
    {
        var merged = new List<Finding>();
        var index = new Dictionary<(string, string), int>();
        foreach (Finding f in findings)
        {
            if (index.TryGetValue((f.Kind, f.Location), out int i))
            {
                if (f.Confidence > merged[i].Confidence)
                {
                    merged[i] = f;
                }
            }
            else
            {
                index[(f.Kind, f.Location)] = merged.Count;
                merged.Add(f);
            }
        }

        return merged;
    }
}
