namespace Microsoft.Exchange.Data.Transport
{
    public abstract class AcceptedDomain
    {
        protected AcceptedDomain()
        {
        }

        public abstract bool IsInCorporation { get; }

        public abstract string NameSpecification { get; }
    }
}
