using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using MimeKit;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Isolation;

/// <summary>
/// The worker's side of the pipe: for each request (a <see cref="WorkerPolicy"/> frame, then the MIME as chunks) it
/// parses and inspects the message and answers with one <see cref="WorkerReply"/> frame. Runs until its input ends.
/// Writes nothing else to its output and nothing at all about the content anywhere.
/// </summary>
public static class WorkerServer
{
    /// <summary>
    /// Environment variable that arms the test faults. The pool always removes it from a worker's environment unless
    /// a test asks for it, so no message can reach the faults in production.
    /// </summary>
    public const string TestFaultsVariable = "SMG_WORKER_TEST_FAULTS";

    /// <summary>Header naming the fault a test message triggers when the faults are armed.</summary>
    public const string TestFaultHeader = "X-SMG-Test-Fault";

    /// <summary>The exit code of a worker that answered after running out of memory and then ended.</summary>
    public const int ExhaustedExitCode = 75;

    /// <summary>Serves requests until <paramref name="input"/> ends.</summary>
    /// <param name="input">Requests from the host (the worker's stdin).</param>
    /// <param name="output">Replies to the host (the worker's stdout).</param>
    /// <param name="testFaults">Whether <see cref="TestFaultHeader"/> is obeyed; true only in tests.</param>
    /// <returns>The process exit code: 0 when the host closed the pipe.</returns>
    public static int Run(Stream input, Stream output, bool testFaults)
    {
        if (input is null || output is null)
        {
            throw new ArgumentNullException(input is null ? nameof(input) : nameof(output));
        }

        string? policyText = null;
        InProcessInspection? inspection = null;
        for (bool first = true; ; first = false)
        {
            byte[]? policyFrame = Frames.Read(input, Frames.MaxControlFrame, first);
            if (policyFrame is null)
            {
                return 0;
            }

            string text = Encoding.UTF8.GetString(policyFrame);
            if (inspection is null || !string.Equals(text, policyText, StringComparison.Ordinal))
            {
                WorkerPolicy policy = JsonSerializer.Deserialize<WorkerPolicy>(text) ?? throw new InvalidDataException("An empty policy frame.");
                inspection = new InProcessInspection(new MessageInspector(policy.ToPolicy(), null, TimeProvider.System));
                policyText = text;
            }

            using var mime = new MemoryStream();
            Frames.ReadChunked(input, mime);
            mime.Position = 0;
            InspectedMessage inspected;
            bool exhausted = false;
            try
            {
                inspected = Inspect(inspection, mime, testFaults);
            }
            catch (OutOfMemoryException)
            {
                // The heap cap the pool set (DOTNET_GCHeapHardLimit) was reached outside any reader: answer, then end,
                // because a process that ran out of memory is not trusted with the next message.
                inspected = InspectedMessage.Limit(null, FindingReasons.MemoryCap);
                exhausted = true;
            }

            mime.SetLength(0);
            WorkerReply reply = WorkerReply.From(inspected, exhausted);
            byte[] answer = JsonSerializer.SerializeToUtf8Bytes(reply);
            Frames.Write(output, answer, answer.Length);
            output.Flush();
            if (exhausted)
            {
                return ExhaustedExitCode;
            }
        }
    }

    private static InspectedMessage Inspect(InProcessInspection inspection, MemoryStream mime, bool testFaults)
    {
        if (testFaults)
        {
            ObeyTestFault(mime);
        }

        try
        {
            // The inspector's own MIME path: the header block is measured before parsing and the time budget starts
            // before the first byte is parsed, exactly as in-process.
            return inspection.Inspect(mime, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug the inspector did not contain: the message cannot be shown clean.
            return InspectedMessage.Limit(null, FindingReasons.ReaderFailed);
        }
    }

    /// <summary>Tests only: reads the top-level headers and triggers the fault that <see cref="TestFaultHeader"/> names.</summary>
    private static void ObeyTestFault(MemoryStream mime)
    {
        HeaderList headers;
        try
        {
            headers = HeaderList.Load(MessageInspector.ParserOptions, mime);
        }
        catch (FormatException)
        {
            return;
        }
        finally
        {
            mime.Position = 0;
        }

        if (headers[TestFaultHeader] is { } fault)
        {
            TestFault(fault.Trim());
        }
    }

    private static void TestFault(string fault)
    {
        switch (fault)
        {
            case "exit":
                Environment.Exit(70);
                break;
            case "stackoverflow":
                Recurse(0);
                break;
            case "hang":
                Thread.Sleep(Timeout.Infinite);
                break;
            case "balloon":
                var hoard = new List<byte[]>();
                while (true)
                {
                    var block = new byte[16 * 1024 * 1024];
                    for (int i = 0; i < block.Length; i += 4096)
                    {
                        block[i] = 1;
                    }

                    hoard.Add(block);
                    Thread.Sleep(20);
                }
        }
    }

    private static int Recurse(int depth)
    {
        Span<byte> frame = stackalloc byte[256];
        frame[0] = (byte)depth;
        return Recurse(depth + 1) + frame[0];
    }
}
