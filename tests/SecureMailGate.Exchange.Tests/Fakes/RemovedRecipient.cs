using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace SecureMailGate.Exchange.Tests.Fakes;

internal sealed record RemovedRecipient(string Address, DsnType DsnType, SmtpResponse Response);
