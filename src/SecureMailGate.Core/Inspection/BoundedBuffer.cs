using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>
/// Copies a forward-only attachment into memory for the libraries that need to seek (ZIP central directory,
/// Open XML packages, PDF cross-reference tables, OLE compound files). Core may not use temporary files, so the
/// copy lives in memory; it is bounded because every byte read from an inspection stream is charged to the
/// message's <see cref="InspectionBudget"/>: the copy can never hold more than
/// <see cref="Policy.InspectionLimits.MaxExpandedBytes"/> minus what the message already cost (50 MB by default),
/// and the limit trips while copying, not after.
/// </summary>
internal static class BoundedBuffer
{
    private const int CopyChunk = 81920;

    /// <summary>Reads <paramref name="content"/> to its end into a new memory stream positioned at 0.</summary>
    /// <param name="content">A stream that charges its bytes to the budget (as every reader's input does).</param>
    /// <param name="budget">The message's budget; checked for the time limit between chunks.</param>
    /// <exception cref="InspectionLimitException">The copy would pass the expanded-bytes limit or the time budget.</exception>
    public static MemoryStream ReadAll(Stream content, InspectionBudget budget)
    {
        var buffer = new MemoryStream();
        byte[] chunk = new byte[CopyChunk];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            budget.CheckTime();
        }

        buffer.Position = 0;
        return buffer;
    }
}
