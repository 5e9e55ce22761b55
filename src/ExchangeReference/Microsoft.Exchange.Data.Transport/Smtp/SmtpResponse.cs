using System;
using System.Linq;

namespace Microsoft.Exchange.Data.Transport.Smtp
{
    /// <summary>
    /// Facade of an SMTP response value. It refuses what Exchange 2013 refuses with FormatException (a status code
    /// that is not three digits, an enhanced code not of the form 2|4|5.yyy.zzz, status text with a character outside
    /// US-ASCII or a NUL), so the ordinary tests catch a response the server would reject. Equality compares the two
    /// codes only, as in Exchange.
    /// </summary>
    public struct SmtpResponse : IEquatable<SmtpResponse>
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
            if (statusCode == null || statusCode.Length != 3 || !statusCode.All(c => c >= '0' && c <= '9'))
            {
                throw new FormatException("The SMTP status code must have three digits - statusCode: " + statusCode);
            }

            if (!IsEnhancedCode(enhancedStatusCode))
            {
                throw new FormatException("The SMTP enhanced status code must be in the form 2.yyy.zzz, 4.yyy.zzz, 5.yyy.zzz - " + enhancedStatusCode);
            }

            foreach (var line in statusText ?? new string[0])
            {
                if (line != null && line.Any(c => c == '\0' || c > 0x7f))
                {
                    throw new FormatException("Text for the response must contain only US-ASCII characters - " + line);
                }
            }

            this.statusCode = statusCode;
            this.enhancedStatusCode = enhancedStatusCode;
            this.dsnExplanation = dsnExplanation;
            this.statusText = statusText;
        }

        public string DsnExplanation => dsnExplanation;

        public string EnhancedStatusCode => enhancedStatusCode;

        public string StatusCode => statusCode;

        public string[] StatusText => statusText;

        public bool Equals(SmtpResponse comparand) =>
            string.Equals(statusCode, comparand.statusCode, StringComparison.Ordinal) &&
            string.Equals(enhancedStatusCode, comparand.enhancedStatusCode, StringComparison.Ordinal);

        public override bool Equals(object obj) => obj is SmtpResponse other && Equals(other);

        public override int GetHashCode() => (statusCode ?? string.Empty).GetHashCode() ^ (enhancedStatusCode ?? string.Empty).GetHashCode();

        public static bool operator ==(SmtpResponse response1, SmtpResponse response2) => response1.Equals(response2);

        public static bool operator !=(SmtpResponse response1, SmtpResponse response2) => !response1.Equals(response2);

        private static bool IsEnhancedCode(string code)
        {
            var parts = code?.Split('.');
            return parts != null && parts.Length == 3 && (parts[0] == "2" || parts[0] == "4" || parts[0] == "5")
                && parts.Skip(1).All(p => p.Length >= 1 && p.Length <= 3 && p.All(c => c >= '0' && c <= '9'));
        }
    }
}
