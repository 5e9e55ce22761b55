using System;

namespace SecureMailGate.Core.Addressing;

/// <summary>
/// What one domain means to every list at once: the lists on which it matches the name itself, the lists on
/// which it matches names strictly under it, and its legacy sunset date.
/// </summary>
/// <param name="Self">Lists on which this exact name is an entry.</param>
/// <param name="Under">Lists on which names strictly under this one match.</param>
/// <param name="LegacyRetiredOn">The legacy sunset (UTC date) when <see cref="DomainLists.Legacy"/> is set; null for none.</param>
internal readonly record struct DomainIndexEntry(DomainLists Self, DomainLists Under, DateTime? LegacyRetiredOn)
{
    /// <summary>This entry with more lists added.</summary>
    /// <param name="self">Lists to add for the name itself.</param>
    /// <param name="under">Lists to add for names under it.</param>
    /// <returns>The combined entry.</returns>
    public DomainIndexEntry With(DomainLists self, DomainLists under) => this with { Self = Self | self, Under = Under | under };
}
