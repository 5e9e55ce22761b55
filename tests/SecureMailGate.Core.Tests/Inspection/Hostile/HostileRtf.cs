using System.Linq;
using System.Text;

namespace SecureMailGate.Core.Tests.Inspection.Hostile;

/// <summary>RTF that used to exhaust the stack, each with a valid NHS number in plain sight before the hostile part.</summary>
internal static class HostileRtf
{
    public const string NhsNumber = "943 476 5919";

    /// <summary><c>{\rtf1 ... \b\b\b...}</c>: <paramref name="count"/> control words, each delimited by the next.</summary>
    public static string ChainedControlWords(int count) =>
        @"{\rtf1\ansi Patient NHS number " + NhsNumber + @"\par " + string.Concat(Enumerable.Repeat(@"\b", count)) + " end}";

    /// <summary><paramref name="depth"/> nested groups, closed again.</summary>
    public static string NestedGroups(int depth) =>
        @"{\rtf1\ansi Patient NHS number " + NhsNumber + @"\par " + new string('{', depth) + "x" + new string('}', depth) + "}";

    public static byte[] Bytes(string rtf) => Encoding.ASCII.GetBytes(rtf);
}
