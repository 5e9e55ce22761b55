using System.IO;
using System.Threading;
using MimeKit;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Runs the inspection of one message (MIME parsing and <see cref="MessageInspector"/>), in this process
/// (<see cref="InProcessInspection"/>) or elsewhere, e.g. in a worker process that may crash without taking the host
/// with it. Addressing and policy decisions stay with <see cref="SecureMailGateEngine"/>. Implementations are
/// thread-safe and never return null; an inspection that cannot finish yields an <c>inspection-limit</c> finding.
/// </summary>
public interface IMessageInspection
{
    /// <summary>Parses and inspects a message given as MIME.</summary>
    /// <param name="mime">The whole message; read once, not disposed.</param>
    /// <param name="messageId">The Message-ID if the host already knows it, for logs only; null otherwise.</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    /// <returns>The message's id and findings; an unparseable message gets an <c>inspection-limit</c> finding.</returns>
    InspectedMessage Inspect(Stream mime, string? messageId, CancellationToken cancellationToken);

    /// <summary>Inspects an already parsed message (e.g. one read from an mbox file).</summary>
    /// <param name="message">The message; not disposed.</param>
    /// <param name="cancellationToken">Stops the inspection.</param>
    /// <returns>The message's id and findings.</returns>
    InspectedMessage Inspect(MimeMessage message, CancellationToken cancellationToken);
}
