using System;
using System.Collections.Generic;
using System.IO;
using MimeKit;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// What an <see cref="IAttachmentReader"/> may do with an attachment: scan its text, scan tables, report facts
/// and open files nested inside it. Everything is charged to the message's budget.
/// </summary>
public sealed class AttachmentContext
{
    private readonly InspectionSession _session;

    internal AttachmentContext(InspectionSession session, string path, int depth, string fileName = "")
    {
        _session = session;
        Path = path;
        Depth = depth;
        FileName = fileName ?? string.Empty;
    }

    /// <summary>
    /// The file name the attachment was sent with (may be empty), for readers that name what they unpack
    /// (<c>list.csv.gz</c> holds <c>list.csv</c>). Never put it into a location, a log or any other trace: names
    /// carry identifiers.
    /// </summary>
    public string FileName { get; }

    /// <summary>The attachment's path of positions, e.g. <c>2.zip/1.docx</c> (never its name).</summary>
    public string Path { get; }

    /// <summary>The finding location, e.g. <c>attachment:2.zip/1.docx</c>.</summary>
    public string Location => InspectionSession.AttachmentLocation(Path);

    /// <summary>Nesting depth: 1 for a file attached to the message, 2 for a file inside it, and so on.</summary>
    public int Depth { get; }

    /// <summary>What the message may still cost.</summary>
    public InspectionBudget Budget => _session.Budget;

    /// <summary>Runs the detectors over text read to its end.</summary>
    /// <param name="text">The text; not disposed.</param>
    public void ScanText(TextReader text) => _session.Scanner.Scan(text, Location, _session.Findings, budget: null);

    /// <summary>Runs the detectors over a string.</summary>
    /// <param name="text">The text.</param>
    public void ScanText(string text) => _session.Scanner.Scan(text, Location, _session.Findings);

    /// <summary>
    /// Scans a table whose first row is the header. A context keyword in a column header makes every value in
    /// that column <c>high</c>, however far down; the table is also scanned as text, row by row.
    /// </summary>
    /// <param name="rows">The rows, read once, lazily.</param>
    public void ScanTable(IEnumerable<IReadOnlyList<string>> rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        ScanTableRows(TableRow.From(rows));
    }

    /// <summary>
    /// Scans a table whose first row is the header, its rows in one reused <see cref="TableRow"/> (no string per field),
    /// as <see cref="ScanTable(IEnumerable{IReadOnlyList{string}})"/> does.
    /// </summary>
    /// <param name="rows">The rows, read once, lazily; each is read before the next is asked for.</param>
    internal void ScanTableRows(IEnumerable<TableRow> rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        using var reader = new TableTextReader(rows, _session.Scanner.Detectors, Location, _session.Findings, _session.Budget);
        _session.Scanner.Scan(reader, Location, _session.Findings, budget: null);
    }

    /// <summary>Reports a fact about this attachment, e.g. <see cref="FindingKinds.EncryptedAttachment"/>.</summary>
    /// <param name="kind">The finding kind.</param>
    /// <param name="confidence">Its confidence.</param>
    public void Report(string kind, Confidence confidence) => _session.Findings.Add(new Finding(kind, Location, confidence));

    /// <summary>
    /// Reports that this attachment (or part of it) could not be inspected, with the reason, e.g.
    /// <see cref="FindingKinds.UnreadableAttachment"/> with <see cref="FindingReasons.Damaged"/>.
    /// </summary>
    /// <param name="kind">The finding kind.</param>
    /// <param name="confidence">Its confidence.</param>
    /// <param name="reason">A <see cref="FindingReasons"/> code: why, never what.</param>
    public void Report(string kind, Confidence confidence, string reason) => _session.Findings.Add(new Finding(kind, Location, confidence, reason));

    /// <summary>Inspects a file found inside this one (an archive entry, an embedded object).</summary>
    /// <param name="name">Its name inside this attachment.</param>
    /// <param name="content">Its content; read once, not disposed.</param>
    /// <exception cref="InspectionLimitException">The nesting depth or another limit is exceeded.</exception>
    public void InspectNested(string name, Stream content) =>
        _session.InspectAttachment(_session.NextSegment(Path + "/", name), name ?? string.Empty, string.Empty, content, Depth + 1);

    /// <summary>Inspects a whole message found inside this attachment (e.g. an attached <c>.eml</c>).</summary>
    /// <param name="message">The parsed message.</param>
    public void InspectMessage(MimeMessage message) => _session.InspectEmbeddedMessage(message, Path, Depth);
}
