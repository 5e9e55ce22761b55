using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Transport
{
    public abstract class AcceptedDomainCollection : IEnumerable<AcceptedDomain>, IEnumerable
    {
        protected AcceptedDomainCollection()
        {
        }

        public abstract IEnumerator<AcceptedDomain> GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
