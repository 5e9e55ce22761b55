namespace Microsoft.Exchange.Data.Mime
{
    /// <summary>Facade of an unstructured header: keeps its value; changing it in a read-only document throws.</summary>
    public class TextHeader : Header
    {
        private string value;

        public TextHeader(string name, string value)
            : base(name)
        {
            this.value = value;
        }

        public sealed override string Value
        {
            get
            {
                Owner?.ThrowIfRevoked();
                return value;
            }

            set
            {
                ThrowIfReadOnly("set_Value");
                this.value = value;
            }
        }
    }
}
