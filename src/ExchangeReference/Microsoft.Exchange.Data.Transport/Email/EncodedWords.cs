using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Microsoft.Exchange.Data.Transport.Email
{
    /// <summary>RFC 2047 encoded words for the facade's subject (UTF-8, B and Q). Not Microsoft code.</summary>
    internal static class EncodedWords
    {
        private static readonly Regex Word = new Regex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?", RegexOptions.CultureInvariant);

        public static string Decode(string value) => Word.Replace(value, match =>
        {
            var encoding = Encoding.GetEncoding(match.Groups[1].Value);
            var data = match.Groups[3].Value;
            if (match.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase))
            {
                return encoding.GetString(Convert.FromBase64String(data));
            }

            var bytes = new System.Collections.Generic.List<byte>();
            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] == '=' && i + 2 < data.Length)
                {
                    bytes.Add(Convert.ToByte(data.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add(data[i] == '_' ? (byte)' ' : (byte)data[i]);
                }
            }

            return encoding.GetString(bytes.ToArray());
        });

        public static string Encode(string value)
        {
            foreach (var c in value)
            {
                if (c > 0x7e || c < 0x20)
                {
                    return "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
                }
            }

            return value;
        }
    }
}
