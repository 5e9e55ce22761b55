namespace Microsoft.Exchange.Data.Transport.Routing
{
    /// <summary>Facade. Real constructor is internal; protected here so tests can subclass.</summary>
    public abstract class RoutedMessageEventSource : QueuedMessageEventSource
    {
        protected RoutedMessageEventSource()
        {
        }
    }
}
