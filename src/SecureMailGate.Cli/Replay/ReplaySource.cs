using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using MimeKit.Tnef;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Cli.Replay;

/// <summary>
/// Finds the messages to replay: every file under a folder (recursively, in name order, hidden files skipped)
/// or a named file. A file that starts with an mbox "From " line is read as an mbox; a bare TNEF file (a saved
/// winmail.dat) as the message Outlook encoded in it; anything else as one MIME message.
/// </summary>
internal static class ReplaySource
{
    // The little-endian signature that starts every TNEF stream.
    private const uint TnefSignature = 0x223E9F78;

    /// <summary>The files named by the inputs; inputs that do not exist are returned as problems.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) FindFiles(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith(".", StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                missing.Add(input);
            }
        }

        return (files, missing);
    }

    /// <summary>The messages of one file, parsed lazily; a parse failure ends the file with a problem item.</summary>
    public static IEnumerable<ReplayItem> Read(string file)
    {
        using FileStream stream = new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        string kind = Sniff(stream);
        if (kind == "tnef")
        {
            yield return ReadTnef(file, stream);
            yield break;
        }

        if (kind != "mbox")
        {
            ReplayItem single;
            try
            {
                single = new ReplayItem(file, MimeMessage.Load(MessageInspector.ParserOptions, stream, persistent: true), null);
            }
            catch (FormatException ex)
            {
                single = new ReplayItem(file, null, ex.Message);
            }

            yield return single;
            yield break;
        }

        var parser = new MimeParser(MessageInspector.ParserOptions, stream, MimeFormat.Mbox, persistent: true);
        for (int n = 1; !parser.IsEndOfStream; n++)
        {
            ReplayItem item;
            try
            {
                item = new ReplayItem($"{file}#{n}", parser.ParseMessage(), null);
            }
            catch (FormatException ex)
            {
                item = new ReplayItem($"{file}#{n}", null, ex.Message);
            }

            yield return item;
            if (item.Message is null)
            {
                yield break;
            }
        }
    }

    private static string Sniff(Stream stream)
    {
        byte[] head = new byte[5];
        int read = stream.Read(head, 0, head.Length);
        stream.Position = 0;
        if (read >= 4 && BitConverter.ToUInt32(head, 0) == TnefSignature)
        {
            return "tnef";
        }

        return read == 5 && Encoding.ASCII.GetString(head) == "From " ? "mbox" : "mime";
    }

    private static ReplayItem ReadTnef(string file, Stream stream)
    {
        try
        {
            var part = new TnefPart { Content = new MimeContent(stream) };
            return new ReplayItem(file, part.ConvertToMessage(), null);
        }
        catch (Exception ex) when (ex is TnefException or FormatException or IOException)
        {
            return new ReplayItem(file, null, ex.Message);
        }
    }
}
