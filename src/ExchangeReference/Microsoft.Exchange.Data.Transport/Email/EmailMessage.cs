using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Exchange.Data.Mime;

namespace Microsoft.Exchange.Data.Transport.Email
{
    /// <summary>
    /// Facade (subset) of Exchange's message object model. It behaves as Exchange does where the agent depends on
    /// it: <see cref="Subject"/> reads the subject stored in TNEF before the MIME header, and its setter writes
    /// both; headers live in <see cref="MimeDocument"/>. The TNEF subject, the system-message flag and the
    /// serialised form are private state that tests reach by reflection (Exchange gives agents no setter either).
    /// </summary>
    public class EmailMessage : IDisposable
    {
        private readonly byte[] body;
        private readonly bool crlf;
#pragma warning disable CS0649 // Set by tests through reflection: a TNEF message, a system message.
        private string tnefSubject;
        private bool isSystemMessage;
#pragma warning restore CS0649

        internal EmailMessage(MimeDocument document, byte[] body, bool crlf)
        {
            MimeDocument = document;
            this.body = body;
            this.crlf = crlf;
        }

        public bool IsSystemMessage
        {
            get
            {
                MimeDocument.ThrowIfRevoked();
                return isSystemMessage;
            }
        }

        public MimeDocument MimeDocument { get; }

        public MimePart RootPart => MimeDocument.RootPart;

        public string Subject
        {
            get
            {
                MimeDocument.ThrowIfRevoked();
                if (tnefSubject != null)
                {
                    return tnefSubject;
                }

                var header = RootPart.Headers.FindFirst("Subject");
                return header == null ? string.Empty : EncodedWords.Decode(header.Value);
            }

            set
            {
                var headers = RootPart.Headers;
                var header = headers.FindFirst("Subject");
                var encoded = EncodedWords.Encode(value ?? string.Empty);
                if (header == null)
                {
                    headers.AppendChild(new TextHeader("Subject", encoded));
                }
                else
                {
                    header.Value = encoded;
                }

                if (tnefSubject != null)
                {
                    tnefSubject = value ?? string.Empty;
                }
            }
        }

        public static EmailMessage Create(Stream source)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            var copy = new MemoryStream();
            source.CopyTo(copy);
            var mime = copy.ToArray();
            var text = Encoding.UTF8.GetString(mime);
            var end = HeaderEnd(text, out var separator);
            var document = new MimeDocument();
            foreach (var (name, value) in Unfold(text.Substring(0, end)))
            {
                document.RootPart.Headers.AppendChild(new TextHeader(name, value));
            }

            var bodyText = end + separator <= text.Length ? text.Substring(end + separator) : string.Empty;
            return new EmailMessage(document, Encoding.UTF8.GetBytes(bodyText), text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 || text.IndexOf('\n') < 0);
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }

        // Reached by tests through reflection: the message as transport would write it out.
        private byte[] Serialize()
        {
            var newline = crlf ? "\r\n" : "\n";
            var builder = new StringBuilder();
            foreach (var header in RootPart.Headers.Children.OfType<Header>())
            {
                builder.Append(header.Name).Append(": ").Append(header.Value).Append(newline);
            }

            builder.Append(newline);
            var head = Encoding.UTF8.GetBytes(builder.ToString());
            return head.Concat(body).ToArray();
        }

        private static int HeaderEnd(string text, out int separator)
        {
            var crlf = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var lf = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (crlf >= 0 && (lf < 0 || crlf < lf))
            {
                separator = 2;
                return crlf + 2;
            }

            if (lf >= 0)
            {
                separator = 1;
                return lf + 1;
            }

            separator = 0;
            return text.Length;
        }

        private static IEnumerable<(string Name, string Value)> Unfold(string block)
        {
            string name = null;
            var value = new StringBuilder();
            foreach (var raw in block.Replace("\r\n", "\n").Split('\n'))
            {
                if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && name != null)
                {
                    value.Append(raw);
                    continue;
                }

                if (name != null)
                {
                    yield return (name, value.ToString().Trim());
                    name = null;
                }

                var colon = raw.IndexOf(':');
                if (colon > 0)
                {
                    name = raw.Substring(0, colon);
                    value.Clear().Append(raw.Substring(colon + 1));
                }
            }

            if (name != null)
            {
                yield return (name, value.ToString().Trim());
            }
        }
    }
}
