using System;
using Microsoft.Exchange.Data.Transport;
using SecureMailGate.Core.Configuration;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange;

/// <summary>
/// The routing override that sends encrypt recipients through the configured send connector
/// (<c>encryption.connector</c>): Exchange routes a recipient with an override domain through the connector whose
/// address space matches that domain.
/// </summary>
internal static class EncryptionRoute
{
    /// <summary>
    /// The override for <paramref name="encryption"/>, or null when no connector is configured. Throws what Exchange
    /// throws for a value it cannot read, so a bad value is found before the message is changed.
    /// </summary>
    public static RoutingOverride? For(EncryptionOptions encryption)
    {
        if (encryption is null)
        {
            throw new ArgumentNullException(nameof(encryption));
        }

        if (string.IsNullOrWhiteSpace(encryption.Connector))
        {
            return null;
        }

        return new RoutingOverride(new RoutingDomain(ConnectorAddressSpace.Normalize(encryption.Connector!)), DeliveryQueueDomain.UseOverrideDomain);
    }
}
