using System.IO;
using NUnit.Framework;

namespace SecureMailGate.Isolation.Tests;

[TestFixture]
public sealed class FramesTests
{
    [Test]
    public void A_message_round_trips_as_chunks()
    {
        byte[] message = new byte[(Frames.ChunkSize * 2) + 17];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)i;
        }

        using var pipe = new MemoryStream();
        Frames.WriteChunked(pipe, new MemoryStream(message));
        pipe.Position = 0;
        using var received = new MemoryStream();
        Frames.ReadChunked(pipe, received);

        Assert.That(received.ToArray(), Is.EqualTo(message));
    }

    [Test]
    public void A_byte_order_mark_before_the_first_frame_is_skipped()
    {
        using var pipe = new MemoryStream();
        pipe.Write(new byte[] { 0xEF, 0xBB, 0xBF }, 0, 3);
        Frames.Write(pipe, new byte[] { 1, 2, 3 }, 3);
        pipe.Position = 0;

        Assert.That(Frames.Read(pipe, 100, first: true), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void A_frame_longer_than_allowed_is_refused()
    {
        using var pipe = new MemoryStream();
        Frames.Write(pipe, new byte[200], 200);
        pipe.Position = 0;

        Assert.That(() => Frames.Read(pipe, 100), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void A_pipe_that_ends_between_frames_is_a_clean_end()
    {
        using var pipe = new MemoryStream();

        Assert.That(Frames.Read(pipe, 100), Is.Null);
    }
}
