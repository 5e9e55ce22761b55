namespace Microsoft.Exchange.Data.Transport
{
    public abstract class AgentFactory
    {
        protected AgentFactory()
        {
        }

        public virtual void Close()
        {
            // Real: releases factory resources. Nothing to release in the facade; agents may call base.Close().
        }
    }
}
