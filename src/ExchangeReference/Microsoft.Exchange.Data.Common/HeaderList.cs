using System;
using System.Linq;

namespace Microsoft.Exchange.Data.Mime
{
    /// <summary>Facade (subset) of a part's header list. Names compare without regard to case, as in MIME.</summary>
    public class HeaderList : MimeNode
    {
        internal HeaderList()
        {
        }

        public Header FindFirst(string name) =>
            Children.OfType<Header>().FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

        public void RemoveAll(string name)
        {
            ThrowIfReadOnly(nameof(RemoveAll));
            Children.RemoveAll(h => h is Header header && string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }
}
