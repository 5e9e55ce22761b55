using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Exchange.Data.Transport;

namespace SecureMailGate.Exchange.Tests.Fakes;

/// <summary>A queued message: MIME content that the agent can read and replace, an envelope sender and recipients.</summary>
internal sealed class FakeMailItem : MailItem
{
    private readonly FakeRecipientCollection recipients;

    public FakeMailItem(string? sender, IEnumerable<string> recipients, string mime)
        : this(sender, recipients.Select(r => (EnvelopeRecipient)new FakeRecipient(r)), Encoding.UTF8.GetBytes(mime))
    {
    }

    public FakeMailItem(string? sender, IEnumerable<EnvelopeRecipient> recipients, byte[] mime)
    {
        FromAddress = new RoutingAddress(sender ?? "<>");
        this.recipients = new FakeRecipientCollection(recipients);
        Content = mime;
    }

    public byte[] Content { get; set; }

    public string Text => Encoding.UTF8.GetString(Content);

    public int Writes { get; private set; }

    public Exception? ReadFailure { get; set; }

    public override RoutingAddress FromAddress { get; set; }

    public override EnvelopeRecipientCollection Recipients => recipients;

    public FakeRecipientCollection RecipientList => recipients;

    public override Stream GetMimeReadStream()
    {
        if (ReadFailure is not null)
        {
            throw ReadFailure;
        }

        return new MemoryStream(Content, writable: false);
    }

    public override Stream GetMimeWriteStream() => new CommitOnDispose(this);

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
