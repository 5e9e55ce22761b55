using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using MimeKit;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Isolation;

/// <summary>
/// Inspection for one policy through a <see cref="WorkerPool"/>: small mail of plain text and HTML alone is inspected
/// in the host (see <see cref="InProcessEligibility"/> for why that is safe); everything else goes to a worker.
/// Thread-safe. Does not own the pool.
/// </summary>
public sealed class IsolatedInspection : IMessageInspection
{
    private readonly WorkerPool _pool;
    private readonly InProcessInspection _inProcess;
    private readonly byte[] _policy;
    private readonly TimeSpan _timeBudget;

    /// <summary>Prepares inspection with a policy's settings.</summary>
    /// <param name="options">The policy.</param>
    /// <param name="pool">The workers (shared by every policy of the host).</param>
    /// <param name="clock">Time source for the in-process time budget.</param>
    public IsolatedInspection(PolicyOptions options, WorkerPool pool, TimeProvider clock)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _inProcess = new InProcessInspection(new MessageInspector(options, null, clock ?? throw new ArgumentNullException(nameof(clock))));
        _policy = JsonSerializer.SerializeToUtf8Bytes(WorkerPolicy.From(options));
        _timeBudget = options.Limits.TimeBudget ?? InspectionLimits.Default.TimeBudget ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Messages inspected in the host (the fast path) so far.</summary>
    public int InspectedInProcess => Volatile.Read(ref _inspectedInProcess);

    private int _inspectedInProcess;

    /// <inheritdoc/>
    public InspectedMessage Inspect(Stream mime, string? messageId, CancellationToken cancellationToken)
    {
        if (mime is null)
        {
            throw new ArgumentNullException(nameof(mime));
        }

        if (InProcessEligibility.IsSmall(mime) && !InProcessEligibility.ClearlyForAWorker(mime, ref messageId, cancellationToken))
        {
            long start = mime.Position;
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(MessageInspector.ParserOptions, mime, persistent: true, cancellationToken);
            }
            catch (FormatException)
            {
                return InspectedMessage.Limit(null, FindingReasons.NotMime);
            }

            using (message)
            {
                if (InProcessEligibility.IsTextOnly(message, knownSmall: true))
                {
                    Interlocked.Increment(ref _inspectedInProcess);
                    return _inProcess.Inspect(message, cancellationToken);
                }

                messageId ??= InspectedMessage.Bracketed(message.MessageId);
            }

            mime.Position = start;
        }

        return _pool.Inspect(_policy, _timeBudget, pipe => Frames.WriteChunked(pipe, mime), messageId, cancellationToken);
    }

    /// <inheritdoc/>
    public InspectedMessage Inspect(MimeMessage message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (InProcessEligibility.IsTextOnly(message, knownSmall: false))
        {
            Interlocked.Increment(ref _inspectedInProcess);
            return _inProcess.Inspect(message, cancellationToken);
        }

        using var buffer = new MemoryStream();
        message.WriteTo(buffer, cancellationToken);
        buffer.Position = 0;
        return _pool.Inspect(_policy, _timeBudget, pipe => Frames.WriteChunked(pipe, buffer), InspectedMessage.Bracketed(message.MessageId), cancellationToken);
    }
}
