namespace SecureMailGate.Cli.Mail;

/// <summary>What a file holds, decided from its content, never from its name.</summary>
internal enum MailKind
{
    /// <summary>Not e-mail: skipped by replay (a licence, a JSON file, a picture, an empty file).</summary>
    NotMail,

    /// <summary>One MIME message (an .eml file).</summary>
    Mime,

    /// <summary>An mbox: messages each starting with a <c>From </c> separator line.</summary>
    Mbox,

    /// <summary>A bare TNEF stream (a saved winmail.dat).</summary>
    Tnef,
}
