using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Email;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>
/// A queued message as transport holds it: Exchange's message object (the facade's, which behaves as Exchange's
/// where the agent depends on it), its MIME, an envelope sender and recipients. <see cref="Defer"/> behaves as
/// Exchange's: the item goes back to the content and recipients it had when it was queued, reports already sent
/// stay sent, and any later access throws, until transport raises the item again (<see cref="Requeue"/>).
/// </summary>
internal sealed class FakeMailItem : MailItem
{
    private readonly FakeRecipientCollection recipients;
    private readonly byte[] queuedContent;
    private readonly List<EnvelopeRecipient> queuedRecipients;
    private EmailMessage message;
    private RoutingAddress fromAddress;
    private bool deferred;

    public FakeMailItem(string? sender, IEnumerable<string> recipients, string mime)
        : this(sender, recipients.Select(r => (EnvelopeRecipient)new FakeRecipient(r)), Encoding.UTF8.GetBytes(mime))
    {
    }

    public FakeMailItem(string? sender, IEnumerable<EnvelopeRecipient> recipients, byte[] mime)
    {
        fromAddress = new RoutingAddress(sender ?? "<>");
        this.recipients = new FakeRecipientCollection(recipients);
        queuedRecipients = this.recipients.Items.ToList();
        queuedContent = mime;
        message = Load(mime);
    }

    /// <summary>The message as MIME bytes, with every change the agent made through either path.</summary>
    public byte[] Content
    {
        get => FacadeState.Serialize(message);
        set => message = Load(value);
    }

    public string Text => Encoding.UTF8.GetString(Content);

    /// <summary>How many times the whole MIME stream was rewritten (the agent changes headers in place instead).</summary>
    public int Writes { get; private set; }

    public Exception? ReadFailure { get; set; }

    public bool IsDeferred => deferred;

    /// <summary>Exchange's own message object, for tests that look at what Exchange reads (e.g. a TNEF subject).</summary>
    public EmailMessage ExchangeMessage => message;

    public override RoutingAddress FromAddress
    {
        get => Usable(fromAddress);
        set => fromAddress = value;
    }

    public override EmailMessage Message => Usable(message);

    public override EnvelopeRecipientCollection Recipients => Usable(recipients);

    public FakeRecipientCollection RecipientList => recipients;

    public override Stream GetMimeReadStream()
    {
        if (ReadFailure is not null)
        {
            throw ReadFailure;
        }

        return new MemoryStream(Usable(Content), writable: false);
    }

    public override Stream GetMimeWriteStream() => new CommitOnDispose(Usable(this));

    /// <summary>Exchange's Defer: back to the queued content and recipients; any later access throws.</summary>
    public void Defer()
    {
        FacadeState.Revoke(message);
        message = Load(queuedContent);
        recipients.Items.Clear();
        recipients.Items.AddRange(queuedRecipients);
        deferred = true;
    }

    /// <summary>Transport raises the deferred item again.</summary>
    public void Requeue() => deferred = false;

    private T Usable<T>(T value) => deferred
        ? throw new NullReferenceException("The mail item was deferred; it can no longer be used in this event.")
        : value;

    private static EmailMessage Load(byte[] mime) => EmailMessage.Create(new MemoryStream(mime, writable: false));

    private sealed class CommitOnDispose : MemoryStream
    {
        private readonly FakeMailItem owner;

        public CommitOnDispose(FakeMailItem owner)
        {
            this.owner = owner;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                owner.Content = ToArray();
                owner.Writes++;
            }

            base.Dispose(disposing);
        }
    }
}
