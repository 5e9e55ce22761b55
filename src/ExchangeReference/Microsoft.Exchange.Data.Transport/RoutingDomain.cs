using System;
using System.Linq;

namespace Microsoft.Exchange.Data.Transport
{
    /// <summary>
    /// Facade of a routing domain. It parses as Exchange 2013 does: "type:domain" splits at the colon (so
    /// "relay.contoso.com:25" is type "relay.contoso.com", domain "25"); anything else is an SMTP domain; a domain
    /// that is empty, has spaces, a wildcard, a trailing dot or a character outside letters, digits, '-', '_' and '.'
    /// throws FormatException.
    /// </summary>
    public struct RoutingDomain
    {
        public const string Smtp = "smtp";

        private readonly string domain;
        private readonly string type;

        public RoutingDomain(string domain)
        {
            var colon = domain?.IndexOf(':') ?? -1;
            if (colon > 0)
            {
                type = domain.Substring(0, colon);
                this.domain = Validate(domain.Substring(colon + 1), domain);
            }
            else
            {
                type = Smtp;
                this.domain = Validate(domain, domain);
            }
        }

        public string Domain => domain;

        public string Type => type;

        public override string ToString() => domain ?? string.Empty;

        private static string Validate(string candidate, string original)
        {
            if (string.IsNullOrEmpty(candidate) || candidate.EndsWith(".", StringComparison.Ordinal) || candidate.StartsWith(".", StringComparison.Ordinal)
                || !candidate.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            {
                throw new FormatException("The format of the specified domain '" + original + "' isn't valid");
            }

            return candidate;
        }
    }
}
