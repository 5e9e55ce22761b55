namespace SecureMailGate.Core.Inspection;

/// <summary>
/// A slice of a longer text handed to detectors. Detectors report only matches that start inside
/// [<see cref="RegionStart"/>, <see cref="RegionEnd"/>); the text around the region is context, so a
/// keyword up to <see cref="TextScanner.ContextChars"/> characters away is still seen across chunk borders.
/// </summary>
/// <param name="Text">The buffer: context, region, context.</param>
/// <param name="RegionStart">First index a match may start at.</param>
/// <param name="RegionEnd">Index past the last one a match may start at.</param>
/// <param name="Location">Where the text came from, e.g. <c>body</c>.</param>
public readonly record struct TextWindow(string Text, int RegionStart, int RegionEnd, string Location);
