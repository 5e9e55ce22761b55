using System.Text;

namespace SecureMailGate.Benchmarks;

/// <summary>The two small messages the isolation cost is measured on.</summary>
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
}
