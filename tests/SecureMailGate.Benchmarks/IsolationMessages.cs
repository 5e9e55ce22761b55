using System.Text;

namespace SecureMailGate.Benchmarks;

/// <summary>The messages the isolation cost is measured on: two small ones and one with a 2 MB attachment.</summary>
internal static class IsolationMessages
{
    /// <summary>A short plain-text letter with an NHS number: eligible for the in-process fast path.</summary>
    public static byte[] Plain { get; } = Encoding.UTF8.GetBytes(
        "From: a@ourtrust.nhs.uk\r\nTo: carer@hotmail.co.uk\r\nSubject: Discharge summary\r\nMessage-ID: <plain@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n\r\nDischarge summary for Mrs Evans.\r\nNHS number 943 476 5919\r\n");

    /// <summary>The same letter as a small CSV attachment: always inspected by a worker when isolation is on.</summary>
    public static byte[] Attachment { get; } = Encoding.UTF8.GetBytes(
        "From: a@ourtrust.nhs.uk\r\nTo: carer@hotmail.co.uk\r\nSubject: Clinic list\r\nMessage-ID: <attached@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
        "--b\r\nContent-Type: text/csv; name=clinic.csv\r\nContent-Disposition: attachment; filename=clinic.csv\r\n\r\n" +
        "name,nhs number,clinic\r\nMrs Evans,943 476 5919,ward 7\r\n--b--\r\n");

    /// <summary>
    /// A referral letter with a 2 MB CSV clinic list attached (20,000 rows of names, dates, wards and, on one row in a
    /// hundred, a valid NHS number): the size at which a worker's fixed round trip should be small beside the work.
    /// </summary>
    public static byte[] LargeAttachment { get; } = BuildLargeAttachment(20_000);

    private static byte[] BuildLargeAttachment(int rows)
    {
        var csv = new StringBuilder("name,date of birth,ward,clinic,nhs number,notes\r\n");
        var random = new System.Random(7);
        string[] wards = { "ward 7", "ward 12", "day unit", "outpatients" };
        for (int i = 0; i < rows; i++)
        {
            string number = i % 100 == 0 ? "943 476 5919" : string.Empty;
            csv.Append("Patient ").Append(i).Append(',').Append(1930 + random.Next(90)).Append('-').Append(1 + random.Next(12)).Append('-').Append(1 + random.Next(28))
               .Append(',').Append(wards[random.Next(wards.Length)]).Append(",clinic ").Append(random.Next(40)).Append(',').Append(number)
               .Append(",review in ").Append(random.Next(2, 12)).Append(" weeks; bloods taken\r\n");
        }

        string body = System.Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString()), System.Base64FormattingOptions.InsertLineBreaks);
        return Encoding.UTF8.GetBytes(
            "From: a@ourtrust.nhs.uk\r\nTo: carer@hotmail.co.uk\r\nSubject: Clinic list\r\nMessage-ID: <large@ourtrust.nhs.uk>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
            "--b\r\nContent-Type: text/csv; name=clinic.csv\r\nContent-Disposition: attachment; filename=clinic.csv\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            body + "\r\n--b--\r\n");
    }
}
