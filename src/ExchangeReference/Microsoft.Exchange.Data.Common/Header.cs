namespace Microsoft.Exchange.Data.Mime
{
    /// <summary>Facade (subset) of a MIME header. Real constructor is internal.</summary>
    public abstract class Header : MimeNode
    {
        internal Header(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public abstract string Value { get; set; }
    }
}
