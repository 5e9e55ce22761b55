namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>A compound-file directory entry: name, type (1 storage, 2 stream, 5 root), first sector and size.</summary>
internal sealed record CompoundFileEntry(string Name, byte Type, uint StartSector, long Size)
{
    /// <summary>Whether this entry is a stream.</summary>
    public bool IsStream => Type == 2;
}
