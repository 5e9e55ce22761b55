using System;
using System.IO;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// One archive entry's content as handed to <see cref="AttachmentContext.InspectNested"/>, opened on first read, so
/// that an entry that cannot be decompressed (damaged data or local header, an unsupported method) is a finding for
/// that entry and never stops the archive's other entries.
/// The inspection sniffs an attachment's first bytes before its reader's guard is in place, so a failure while
/// those bytes are read is held back (the entry looks shorter than it is) and raised on the next read, inside the
/// reader: the inspection then reports <c>unreadable-attachment</c> at the entry. When no reader read on, the
/// archive reader sees <see cref="FailedUnreported"/> and reports it itself. Limits and cancellation always pass.
/// </summary>
internal sealed class ArchiveEntryContent : ForwardOnlyStream
{
    private readonly Func<Stream> _open;
    private Stream? _inner;
    private Exception? _failure;
    private bool _failureRaised;
    private long _delivered;

    /// <param name="open">Opens the decompressed entry; called at most once, on the first read.</param>
    public ArchiveEntryContent(Func<Stream> open)
    {
        _open = open ?? throw new ArgumentNullException(nameof(open));
    }

    /// <summary>Whether the entry failed to read and no reader saw that failure.</summary>
    public bool FailedUnreported => _failure is not null && !_failureRaised;

    /// <summary>Why the entry could not be read (a <see cref="FindingReasons"/> code).</summary>
    public string FailureReason => _failure is null ? FindingReasons.ReaderFailed : FindingReasons.Of(_failure);

    protected override int ReadCore(byte[] buffer, int offset, int count)
    {
        if (_failure is not null)
        {
            _failureRaised = true;
            throw Unreadable(_failure);
        }

        try
        {
            _inner ??= _open();
            int read = _inner.Read(buffer, offset, count);
            _delivered += read;
            return read;
        }
        catch (Exception ex) when (ex is not InspectionLimitException and not OperationCanceledException)
        {
            _failure = ex;
            if (_delivered < AttachmentProbe.HeadLength)
            {
                // Still being sniffed: end here and raise the failure on the reader's next read.
                return 0;
            }

            _failureRaised = true;
            throw Unreadable(ex);
        }
    }

    /// <summary>The exception a reader sees: of a type that keeps the reason (an unsupported method, or damage).</summary>
    private static Exception Unreadable(Exception cause) => FindingReasons.Of(cause) == FindingReasons.UnsupportedFormat
        ? new NotSupportedException("An archive entry uses a method that cannot be read.", cause)
        : new InvalidDataException("An archive entry could not be read.", cause);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner is not null)
        {
            try
            {
                // Some decompressors read on to the entry's end when closed, and fail there on damaged data.
                _inner.Dispose();
            }
            catch (Exception ex) when (ex is not InspectionLimitException and not OperationCanceledException)
            {
                _failure ??= ex;
            }
        }

        base.Dispose(disposing);
    }
}
