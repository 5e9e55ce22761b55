using System;

namespace Microsoft.Exchange.Data.Mime
{
    /// <summary>
    /// Facade (subset) of Exchange's parsed MIME document. Besides the root part it keeps two facts a test sets by
    /// reflection (they have no public setter in Exchange either): that transport made the item read-only, and that
    /// the item was deferred, after which, as in Exchange, touching it throws.
    /// </summary>
    public class MimeDocument
    {
#pragma warning disable CS0649 // Set by tests through reflection: a read-only item, a deferred item.
        private bool readOnly;
        private bool revoked;
#pragma warning restore CS0649

        internal MimeDocument()
        {
            RootPart = new MimePart(this);
        }

        public MimePart RootPart { get; set; }

        internal bool IsReadOnly => readOnly;

        internal void ThrowIfRevoked()
        {
            if (revoked)
            {
                throw new NullReferenceException("The mail item was deferred; its content can no longer be used.");
            }
        }
    }
}
