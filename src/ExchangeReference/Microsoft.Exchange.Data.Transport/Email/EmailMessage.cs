using System;
using System.IO;

namespace Microsoft.Exchange.Data.Transport.Email
{
    /// <summary>Facade (subset: creating a message from MIME). Real constructor is internal.</summary>
    public class EmailMessage : IDisposable
    {
        internal EmailMessage()
        {
        }

        public static EmailMessage Create(Stream source) => throw FacadeOnly.Member();

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }
    }
}
