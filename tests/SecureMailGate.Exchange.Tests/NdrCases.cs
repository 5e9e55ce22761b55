using System.Collections.Generic;
using System.Linq;
using SecureMailGate.Core.Addressing;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Exchange.Tests;

/// <summary>
/// Every non-delivery report the agent can produce: each reason a recipient can be blocked for, with encryption on
/// and off, for ordinary, long, non-ASCII and control-character addresses. Shared with the real-assembly test leg,
/// which builds the same reports with Exchange's own SmtpResponse.
/// </summary>
internal static class NdrCases
{
    public static readonly string[] Addresses =
    {
        "patient.relative@gmail.com",
        "tôm.jönes@exämple.co.uk",
        "bad\u0001name\u0000@example.com",
        "line\r\nbreak@example.com",
        new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 63), 3)) + ".com",
        "\"quoted local part\"@example.org",
        "患者@例え.jp",
    };

    public static readonly EncryptionOptions[] Encryption =
    {
        new(),
        new(Enabled: false),
        new(Token: "[ENCRYPT]", Connector: "securemailgate.encrypt"),
        new(Token: "[sécure]"),
    };

    public static IEnumerable<EncryptionOptions> EncryptionSettings() => Encryption;

    /// <summary>Envelope addresses as transport may hand them over (including ones Exchange itself calls invalid).</summary>
    public static IEnumerable<string> AddressesForEnvelope() => Addresses.Concat(new[] { "Tom@Example.COM", "a@b", "x+tag@sub.domain.nhs.uk" });

    public static IEnumerable<object[]> All()
    {
        var reasons = typeof(ReasonCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();
        foreach (var reason in reasons)
        {
            foreach (var encryption in Encryption)
            {
                foreach (var address in Addresses)
                {
                    yield return new object[] { new RecipientDecision(address, address.Split('@').Last(), RecipientTier.External, RecipientAction.Block, new[] { reason }), encryption };
                }
            }
        }

        // More than one reason, as the engine lists them, strongest first.
        yield return new object[] { new RecipientDecision(Addresses[0], "gmail.com", RecipientTier.External, RecipientAction.Block, reasons), Encryption[0] };
    }
}
