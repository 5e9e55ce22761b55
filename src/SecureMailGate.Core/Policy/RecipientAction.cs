namespace SecureMailGate.Core.Policy;

/// <summary>What happens to one recipient. Declared weakest first: when rules disagree the larger value wins.</summary>
public enum RecipientAction
{
    /// <summary>Delivered unchanged (<c>allow</c>).</summary>
    Allow = 0,

    /// <summary>Delivered; the sender gets one notice (<c>warn</c>).</summary>
    Warn = 1,

    /// <summary>Delivered with the encryption token prepended to the subject (<c>encrypt</c>).</summary>
    Encrypt = 2,

    /// <summary>Removed with a 5.7.x delivery-status notification (<c>block</c>).</summary>
    Block = 3,
}
