namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Facade of a routing domain value (a value carrier: keeps the text it is given).</summary>
    public struct RoutingDomain
    {
        private readonly string domain;

        public RoutingDomain(string domain)
        {
            this.domain = domain;
        }

        public string Domain => domain;

        public override string ToString() => domain ?? string.Empty;
    }
}
