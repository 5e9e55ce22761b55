using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SecureMailGate.Benchmarks;

/// <summary>
/// A seeded, generated corpus of short clinic messages with ground truth: which messages carry a valid NHS number
/// (some written across a line break, <c>312 035⏎6476</c>), which carry only numbers that fail modulus 11, and
/// which have a recipient outside the allow-list. The same seed always gives the same bytes, so the engine and the
/// peer (rspamd) are fed identical mail.
/// </summary>
public sealed class ClinicCorpus
{
    /// <summary>The sending organisation; its domain is internal.</summary>
    public const string InternalDomain = "ourtrust.nhs.uk";

    /// <summary>Recipient domains that may receive identifiers (the peer's allow-list; the engine's secure tiers).</summary>
    public static readonly IReadOnlyList<string> AllowedDomains = new[] { InternalDomain, "nhs.net" };

    private static readonly string[] SecureRecipients = { "district.nursing@nhs.net", "gp.practice@nhs.net", "ward7@ourtrust.nhs.uk", "pharmacy@ourtrust.nhs.uk" };
    private static readonly string[] ExternalRecipients = { "carer@hotmail.co.uk", "someone@gmail.com", "office@care.example.org", "admin@charity.example.com" };
    private static readonly string[] Openings = { "Dear colleague,", "Hello,", "Dear Dr Patel,", "Hi team," };
    private static readonly string[] Bodies =
    {
        "Please find the discharge summary below. Follow-up by the district nurse within 48 hours.",
        "The clinic appointment has moved to Thursday at 10:30. Transport has been arranged.",
        "Blood results are back and are within normal range. No further action is needed.",
        "Referral accepted; the patient will be seen in the next available outpatient slot.",
        "Minutes of the staff meeting are attached in the shared drive. Room 4 is booked again.",
    };

    private ClinicCorpus(IReadOnlyList<ClinicMessage> messages) => Messages = messages;

    /// <summary>The messages in order.</summary>
    public IReadOnlyList<ClinicMessage> Messages { get; }

    /// <summary>Builds the corpus.</summary>
    /// <param name="count">Number of messages.</param>
    /// <param name="seed">Random seed; the default is the one every published figure used.</param>
    /// <returns>The corpus.</returns>
    public static ClinicCorpus Generate(int count = 1_000, int seed = 12)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "A corpus needs at least one message.");
        }

        var random = new Random(seed);
        var messages = new List<ClinicMessage>(count);
        for (int i = 0; i < count; i++)
        {
            messages.Add(Build(random, i));
        }

        return new ClinicCorpus(messages);
    }

    /// <summary>True when <paramref name="digits"/> (ten digits) passes the NHS modulus-11 check.</summary>
    /// <param name="digits">Ten ASCII digits.</param>
    /// <returns>Whether the check digit matches.</returns>
    public static bool IsValidNhsNumber(string digits)
    {
        if (digits is null || digits.Length != 10 || digits.Any(c => c is < '0' or > '9'))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        int check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>Writes every message as <c>NNNN.eml</c> plus <c>truth.csv</c> (file, recipients, expected flag).</summary>
    /// <param name="directory">Where to write; created when missing.</param>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var truth = new StringBuilder("file,recipients,has_valid_nhs_number,wrapped,external_recipient,expected_flag\n");
        foreach (ClinicMessage message in Messages)
        {
            File.WriteAllBytes(Path.Combine(directory, message.FileName), message.Mime);
            truth.Append(message.FileName).Append(',')
                .Append(string.Join(";", message.Recipients)).Append(',')
                .Append(message.HasValidNhsNumber ? 1 : 0).Append(',')
                .Append(message.Wrapped ? 1 : 0).Append(',')
                .Append(message.HasExternalRecipient ? 1 : 0).Append(',')
                .Append(message.ExpectedFlag ? 1 : 0).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "truth.csv"), truth.ToString());
    }

    private static ClinicMessage Build(Random random, int index)
    {
        // 30% carry a valid number (a third of those wrapped across a line), 10% carry only a decoy that fails
        // modulus 11, the rest carry none.
        double roll = random.NextDouble();
        bool valid = roll < 0.30;
        bool wrapped = valid && random.Next(3) == 0;
        bool decoy = !valid && roll < 0.40;
        bool external = random.Next(2) == 0;

        var recipients = new List<string> { SecureRecipients[random.Next(SecureRecipients.Length)] };
        if (external)
        {
            recipients.Add(ExternalRecipients[random.Next(ExternalRecipients.Length)]);
        }

        var body = new StringBuilder();
        body.Append(Openings[random.Next(Openings.Length)]).Append("\r\n\r\n");
        body.Append(Bodies[random.Next(Bodies.Length)]).Append("\r\n");
        if (valid || decoy)
        {
            string number = valid ? ValidNumber(random) : DecoyNumber(random);
            string spaced = $"{number.Substring(0, 3)} {number.Substring(3, 3)}";
            string tail = number.Substring(6, 4);
            body.Append("Patient reference ").Append(spaced).Append(wrapped ? "\r\n" : " ").Append(tail).Append(".\r\n");
        }

        body.Append("Telephone 0161 496 0").Append(random.Next(100, 999).ToString(CultureInfo.InvariantCulture)).Append(" with any questions.\r\n");
        body.Append(Bodies[random.Next(Bodies.Length)]).Append("\r\n\r\nKind regards,\r\nClinic administration\r\n");

        string mime = "From: clinic@" + InternalDomain + "\r\n" +
            "To: " + string.Join(", ", recipients) + "\r\n" +
            "Subject: Clinic update " + index.ToString(CultureInfo.InvariantCulture) + "\r\n" +
            "Message-ID: <corpus" + index.ToString(CultureInfo.InvariantCulture) + "@" + InternalDomain + ">\r\n" +
            "Date: Wed, 25 Nov 2026 09:00:00 +0000\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body;
        return new ClinicMessage(
            index.ToString("D4", CultureInfo.InvariantCulture) + ".eml",
            Encoding.UTF8.GetBytes(mime),
            recipients,
            valid,
            wrapped,
            external);
    }

    private static string ValidNumber(Random random)
    {
        while (true)
        {
            string nine = random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            for (char check = '0'; check <= '9'; check++)
            {
                if (IsValidNhsNumber(nine + check))
                {
                    return nine + check;
                }
            }
        }
    }

    private static string DecoyNumber(Random random)
    {
        while (true)
        {
            string candidate = random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) + (char)('0' + random.Next(10));
            if (!IsValidNhsNumber(candidate))
            {
                return candidate;
            }
        }
    }
}
