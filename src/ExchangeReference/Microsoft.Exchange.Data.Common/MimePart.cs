namespace Microsoft.Exchange.Data.Mime
{
    /// <summary>Facade (subset) of a MIME part: its header list.</summary>
    public class MimePart : MimeNode
    {
        internal MimePart(MimeDocument owner)
        {
            Owner = owner;
            Headers = new HeaderList { Owner = owner };
        }

        public HeaderList Headers { get; }
    }
}
