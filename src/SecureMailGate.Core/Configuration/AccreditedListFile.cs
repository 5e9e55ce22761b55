using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecureMailGate.Core.Addressing;

namespace SecureMailGate.Core.Configuration;

/// <summary>Reads an accredited list file (plain or CSV) and fails on the first bad line, naming it.</summary>
public static class AccreditedListFile
{
    /// <summary>Loads the entries of an accredited list.</summary>
    /// <param name="path">The list file.</param>
    /// <returns>Normalised entries (exact domains and <c>*.suffix</c>).</returns>
    /// <exception cref="PolicyConfigurationException">The file is missing, unreadable or has a bad line.</exception>
    public static IReadOnlyList<string> Load(string path)
    {
        AccreditedListParseResult result = Parse(path);
        if (result.Errors.Count > 0)
        {
            AccreditedListError first = result.Errors[0];
            string more = result.Errors.Count > 1 ? $" ({result.Errors.Count - 1} more bad line(s) after it)" : string.Empty;
            throw new PolicyConfigurationException(path, first.Line, first.Problem + more);
        }

        return result.Entries;
    }

    /// <summary>Parses a list file, keeping every error rather than stopping at the first.</summary>
    /// <param name="path">The list file.</param>
    /// <exception cref="PolicyConfigurationException">The file is missing or unreadable.</exception>
    public static AccreditedListParseResult Parse(string path)
    {
        byte[] bytes = PolicyConfigurationLoader.ReadAllBytes(path, "accredited list");
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return AccreditedListParser.Parse(reader);
    }
}
