namespace SecureMailGate.Cli.Mail;

/// <summary>
/// Why a message read from a file could not be evaluated as it stands: the <c>problem</c> field of replay's JSON
/// lines. Stable kebab-case codes, distinct from inspection limits (which are findings of a message that was read).
/// </summary>
internal static class MailProblem
{
    /// <summary>MimeKit could not parse the message; it is evaluated as unreadable, so counted as sensitive.</summary>
    public const string UnparseableMessage = "unparseable-message";

    /// <summary>An mbox separator with no message after it.</summary>
    public const string EmptyMessage = "empty-message";

    /// <summary>A saved winmail.dat whose TNEF could not be decoded; evaluated as unreadable.</summary>
    public const string DamagedTnef = "damaged-tnef";

    /// <summary>The plain-English sentence for a problem code, for tables and stderr.</summary>
    public static string Describe(string code) => code switch
    {
        UnparseableMessage => "the message could not be parsed, so it was counted as sensitive",
        EmptyMessage => "an mbox separator with no message after it; nothing to evaluate",
        DamagedTnef => "the winmail.dat could not be decoded, so it was counted as sensitive",
        _ => code,
    };
}
