namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>One central-directory record: name, encryption flag and declared sizes (0xFFFFFFFF when in a ZIP64 extra field).</summary>
internal sealed record ZipDirectoryEntry(string Name, bool Encrypted, long CompressedSize, long UncompressedSize);
