using System;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>Builds the exception every facade member with behaviour throws (internal: not part of the API).</summary>
    internal static class FacadeOnly
    {
        internal static NotSupportedException Member() =>
            new NotSupportedException("Compile-time facade of the Exchange API: this member only works inside Exchange transport.");
    }
}
