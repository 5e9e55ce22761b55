namespace Microsoft.Exchange.Data.Transport.Smtp
{
    /// <summary>Facade of an SMTP response value (a value carrier: keeps the codes and texts it is given).</summary>
    public struct SmtpResponse
    {
        private readonly string statusCode;
        private readonly string enhancedStatusCode;
        private readonly string dsnExplanation;
        private readonly string[] statusText;

        public SmtpResponse(string statusCode, string enhancedStatusCode, params string[] statusText)
            : this(statusCode, enhancedStatusCode, null, true, statusText)
        {
        }

        public SmtpResponse(string statusCode, string enhancedStatusCode, string dsnExplanation, bool overloadDifferentiator, params string[] statusText)
        {
            this.statusCode = statusCode;
            this.enhancedStatusCode = enhancedStatusCode;
            this.dsnExplanation = dsnExplanation;
            this.statusText = statusText;
        }

        public string DsnExplanation => dsnExplanation;

        public string EnhancedStatusCode => enhancedStatusCode;

        public string StatusCode => statusCode;

        public string[] StatusText => statusText;
    }
}
