using System;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Mime
{
    /// <summary>
    /// Facade (subset) of a node of Exchange's MIME tree. Real constructors are internal, and so are these. The
    /// children are kept so a test sees what an agent appended; a node of a read-only document refuses changes
    /// with InvalidOperationException, as the real tree does for items transport will not let an agent write.
    /// </summary>
    public abstract class MimeNode
    {
        private readonly List<MimeNode> children = new List<MimeNode>();

        internal MimeNode()
        {
        }

        internal MimeDocument Owner { get; set; }

        internal List<MimeNode> Children
        {
            get
            {
                Owner?.ThrowIfRevoked();
                return children;
            }
        }

        public MimeNode AppendChild(MimeNode newChild)
        {
            if (newChild == null)
            {
                throw new ArgumentNullException(nameof(newChild));
            }

            ThrowIfReadOnly(nameof(AppendChild));
            newChild.Owner = Owner;
            Children.Add(newChild);
            return newChild;
        }

        internal void ThrowIfReadOnly(string method)
        {
            if (Owner != null)
            {
                Owner.ThrowIfRevoked();
                if (Owner.IsReadOnly)
                {
                    throw new InvalidOperationException(method + ": the MIME document is read-only.");
                }
            }
        }
    }
}
