namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>
    /// Facade of an SMTP address value. A value carrier: it keeps the text it is given so tests can build
    /// recipients; the real type validates and normalises, which this facade does not pretend to do.
    /// </summary>
    public struct RoutingAddress
    {
        private readonly string address;

        public RoutingAddress(string address)
        {
            this.address = address;
        }

        public override string ToString() => address ?? string.Empty;
    }
}
