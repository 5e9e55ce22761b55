namespace SecureMailGate.Exchange;

/// <summary>Hands a notice (a complete MIME message) to transport for delivery to the sender.</summary>
internal interface INoticeSubmitter
{
    /// <summary>Submits the message.</summary>
    void Submit(byte[] mime);
}
