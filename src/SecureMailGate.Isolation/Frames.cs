using System;
using System.IO;

namespace SecureMailGate.Isolation;

/// <summary>
/// The pipe protocol's framing. A frame is a 4-byte little-endian length and that many bytes. A MIME message is sent
/// as chunks (each a frame of at most <see cref="ChunkSize"/> bytes) ended by an empty frame, so neither side needs
/// the whole length in advance.
/// </summary>
internal static class Frames
{
    public const int ChunkSize = 64 * 1024;

    /// <summary>Largest control frame (policy or reply JSON) either side accepts.</summary>
    public const int MaxControlFrame = 16 * 1024 * 1024;

    public static void Write(Stream output, byte[] payload, int count)
    {
        var header = new byte[4];
        header[0] = (byte)count;
        header[1] = (byte)(count >> 8);
        header[2] = (byte)(count >> 16);
        header[3] = (byte)(count >> 24);
        output.Write(header, 0, 4);
        if (count > 0)
        {
            output.Write(payload, 0, count);
        }
    }

    /// <summary>Reads one frame; null at a clean end of stream before the frame starts.</summary>
    /// <param name="input">The pipe.</param>
    /// <param name="maxLength">Longest frame accepted.</param>
    /// <param name="first">
    /// The first frame of the pipe: a UTF-8 byte order mark before it is skipped. .NET Framework's Process writes one
    /// to a redirected stdin when the console code page is UTF-8; no frame header can start with one, as that length
    /// would exceed <see cref="MaxControlFrame"/>.
    /// </param>
    public static byte[]? Read(Stream input, int maxLength, bool first = false)
    {
        var header = new byte[4];
        int got = ReadFully(input, header, 4);
        if (first && got == 4 && header[0] == 0xEF && header[1] == 0xBB && header[2] == 0xBF)
        {
            header[0] = header[3];
            got = 1 + ReadFully(input, header, 3, offset: 1);
        }

        if (got == 0)
        {
            return null;
        }

        if (got < 4)
        {
            throw new EndOfStreamException("The pipe ended inside a frame header.");
        }

        int length = header[0] | (header[1] << 8) | (header[2] << 16) | (header[3] << 24);
        if (length < 0 || length > maxLength)
        {
            throw new InvalidDataException("A frame is longer than the protocol allows.");
        }

        var payload = new byte[length];
        if (ReadFully(input, payload, length) < length)
        {
            throw new EndOfStreamException("The pipe ended inside a frame.");
        }

        return payload;
    }

    /// <summary>Sends the rest of <paramref name="source"/> as chunks and the empty end frame.</summary>
    public static void WriteChunked(Stream output, Stream source)
    {
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            Write(output, buffer, read);
        }

        Write(output, buffer, 0);
    }

    /// <summary>Receives chunks up to the empty end frame into <paramref name="destination"/>.</summary>
    public static void ReadChunked(Stream input, Stream destination)
    {
        while (true)
        {
            byte[] chunk = Read(input, ChunkSize) ?? throw new EndOfStreamException("The pipe ended inside a message.");
            if (chunk.Length == 0)
            {
                return;
            }

            destination.Write(chunk, 0, chunk.Length);
        }
    }

    private static int ReadFully(Stream input, byte[] buffer, int count, int offset = 0)
    {
        int total = 0;
        while (total < count)
        {
            int read = input.Read(buffer, offset + total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
