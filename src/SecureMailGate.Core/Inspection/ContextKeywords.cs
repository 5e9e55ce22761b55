namespace SecureMailGate.Core.Inspection;

/// <summary>The built-in context keywords of POLICY §2.</summary>
public static class ContextKeywords
{
    /// <summary>Characters either side of a match in which a keyword raises confidence to <c>high</c>.</summary>
    public const int Proximity = 300;

    /// <summary>NHS number keywords; the first thirteen are Microsoft's own NHS-number detector's.</summary>
    public static KeywordSet NhsNumber { get; } = new(new[]
    {
        "national health service", "NHS", "health services authority", "health authority", "patient id",
        "patient identification", "patient no", "patient number", "GP", "DOB", "D.O.B", "date of birth",
        "birth date", "NHS number", "NHS no", "patient", "hospital number", "MRN", "CHI", "clinic",
        "referral", "discharge",
    });

    /// <summary>National Insurance number keywords.</summary>
    public static KeywordSet NiNumber { get; } = new(new[]
    {
        "national insurance", "national insurance number", "NI number", "NI no", "NINO",
    });
}
