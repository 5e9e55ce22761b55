using System;
using System.Buffers;
using System.IO;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Measures a message's top-level header block (everything before the first empty line) straight from the stream,
/// before the MIME parser sees it, and refuses one longer than <see cref="MaxBytes"/>: a 20 MB header line took the
/// parser 14 s, and 200 MB gave no verdict in 5 minutes, before any budget applied. Reads at most
/// <see cref="MaxBytes"/> + 2 bytes, checking the time budget between reads.
/// </summary>
internal static class HeaderBlock
{
    /// <summary>Largest header block accepted: real ones are a few kilobytes, and long Received, DKIM and ARC chains stay well under 100 KB.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    // First read: real header blocks are a few kilobytes, so most messages need one read of this size.
    private const int FirstRead = 4 * 1024;

    private const int ReadSize = 64 * 1024;

    /// <summary>The cap in force: <see cref="MaxHeaderBytes"/>, or less when the message may expand less than that.</summary>
    public static int MaxBytes(InspectionLimits limits) => (int)Math.Min(MaxHeaderBytes, Math.Max(0, limits.MaxExpandedBytes));

    /// <summary>
    /// Reads from <paramref name="stream"/> until the header block has ended (or the stream has), keeping what was read.
    /// </summary>
    /// <param name="stream">The message, at its start.</param>
    /// <param name="maxBytes">Most header bytes accepted.</param>
    /// <param name="budget">Its time is checked between reads.</param>
    /// <param name="length">Bytes read, all at the start of the returned buffer.</param>
    /// <returns>
    /// The bytes read, which the parser must see again, in a buffer from <see cref="ArrayPool{T}.Shared"/>: hand it to
    /// <see cref="Return"/> once the parser is done with it (a buffer never returned is only garbage, not a fault).
    /// </returns>
    /// <exception cref="InspectionLimitException">The header block is longer than <paramref name="maxBytes"/>.</exception>
    public static byte[] Read(Stream stream, int maxBytes, InspectionBudget budget, out int length)
    {
        if (stream is null || budget is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(budget));
        }

        // Two bytes past the cap are enough to see an empty line that ends a block of exactly maxBytes.
        int most = maxBytes + 2;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(most, FirstRead));
        length = 0;
        while (true)
        {
            budget.CheckTime();
            if (length == buffer.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(most, 2L * buffer.Length));
                Buffer.BlockCopy(buffer, 0, larger, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            int read = stream.Read(buffer, length, Math.Min(Math.Min(buffer.Length, most) - length, ReadSize));
            int searchFrom = Math.Max(0, length - 2);
            length += read;
            int end = EndOf(new ReadOnlySpan<byte>(buffer, 0, length), searchFrom);
            if (end >= 0)
            {
                if (end > maxBytes)
                {
                    break;
                }

                return buffer;
            }

            if (read == 0)
            {
                // Headers and no body: the whole message is the header block.
                if (length > maxBytes)
                {
                    break;
                }

                return buffer;
            }

            if (length >= most)
            {
                break;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        throw new InspectionLimitException(FindingReasons.HeaderSize, $"The message's header block is longer than {maxBytes} bytes.");
    }

    /// <summary>Gives a buffer from <see cref="Read"/> back to the pool.</summary>
    /// <param name="buffer">The buffer <see cref="Read"/> returned.</param>
    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    /// <summary>
    /// Index of the line feed that ends the header block (an empty line, LF or CRLF), searching from
    /// <paramref name="from"/>; -1 when there is none yet.
    /// </summary>
    internal static int EndOf(ReadOnlySpan<byte> data, int from)
    {
        for (int i = from; i < data.Length; i++)
        {
            if (data[i] != (byte)'\n')
            {
                continue;
            }

            bool emptyLine = i == 0
                || data[i - 1] == (byte)'\n'
                || (data[i - 1] == (byte)'\r' && (i == 1 || data[i - 2] == (byte)'\n'));
            if (emptyLine)
            {
                return i;
            }
        }

        return -1;
    }
}
