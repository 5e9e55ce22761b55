using System.Collections.Generic;

namespace SecureMailGate.Core.Tests.Inspection.Formats;

/// <summary>A stream (with data) or a storage (with children) in a compound file built by <see cref="CfbWriter"/>.</summary>
internal sealed record CfbNode(string Name, byte[]? Data, IReadOnlyList<CfbNode> Children)
{
    public static CfbNode Stream(string name, byte[] data) => new(name, data, System.Array.Empty<CfbNode>());

    public static CfbNode Storage(string name, params CfbNode[] children) => new(name, null, children);
}
