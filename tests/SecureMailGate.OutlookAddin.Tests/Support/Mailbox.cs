using System;
using System.Collections.Generic;

namespace SecureMailGate.OutlookAddin.Tests.Support;

/// <summary>The message being composed, as the stand-in Outlook holds it (serialised to JSON for the script).</summary>
public sealed record Mailbox
{
    /// <summary>The mailbox's own address.</summary>
    public string Sender { get; init; } = "priya.shah@ourtrust.nhs.uk";

    /// <summary>To recipients.</summary>
    public IReadOnlyList<Recipient> To { get; init; } = Array.Empty<Recipient>();

    /// <summary>Cc recipients.</summary>
    public IReadOnlyList<Recipient> Cc { get; init; } = Array.Empty<Recipient>();

    /// <summary>Bcc recipients.</summary>
    public IReadOnlyList<Recipient> Bcc { get; init; } = Array.Empty<Recipient>();

    /// <summary>The subject.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>The body as HTML.</summary>
    public string BodyHtml { get; init; } = string.Empty;

    /// <summary>The body as text.</summary>
    public string BodyText { get; init; } = string.Empty;

    /// <summary>The attachments.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = Array.Empty<Attachment>();

    /// <summary>The identity token getUserIdentityTokenAsync returns.</summary>
    public string Token { get; init; } = string.Empty;

    /// <summary>Calls that fail: to, cc, bcc, subject, setSubject, body, attachments, attachmentContent, token.</summary>
    public IReadOnlyList<string> Fail { get; init; } = Array.Empty<string>();

    /// <summary>Creates recipients from addresses.</summary>
    /// <param name="addresses">The addresses.</param>
    public static IReadOnlyList<Recipient> Addresses(params string[] addresses) =>
        Array.ConvertAll(addresses, a => new Recipient(a, a.Split('@')[0]));
}

/// <summary>A recipient as Outlook returns it (EmailAddressDetails).</summary>
/// <param name="EmailAddress">The address.</param>
/// <param name="DisplayName">The display name.</param>
public sealed record Recipient(string EmailAddress, string DisplayName);

/// <summary>An attachment: its details (getAttachmentsAsync) and content (getAttachmentContentAsync).</summary>
/// <param name="Id">The attachment id.</param>
/// <param name="Name">The file name.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="AttachmentType"><c>file</c>, <c>item</c> or <c>cloud</c>.</param>
/// <param name="IsInline">Shown inline in the body.</param>
/// <param name="Format"><c>base64</c>, <c>eml</c>, <c>iCalendar</c> or <c>url</c>.</param>
/// <param name="Content">The content in that format.</param>
public sealed record Attachment(string Id, string Name, string ContentType, long Size, string AttachmentType, bool IsInline, string Format, string Content);
