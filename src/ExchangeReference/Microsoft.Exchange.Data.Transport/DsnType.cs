namespace Microsoft.Exchange.Data.Transport
{
    public enum DsnType
    {
        Failure = 1,
        Expanded = 2,
    }
}
