namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// A compound-file directory entry: its index in the directory, name, type (1 storage, 2 stream, 5 root), first
/// sector, size, and the indexes of its left and right siblings and first child in the directory's tree (-1 for none).
/// </summary>
internal sealed record CompoundFileEntry(int Id, string Name, byte Type, uint StartSector, long Size, int Left, int Right, int Child)
{
    /// <summary>Whether this entry is a stream.</summary>
    public bool IsStream => Type == 2;

    /// <summary>Whether this entry is a storage (a folder) or the root.</summary>
    public bool IsStorage => Type is 1 or 5;
}
