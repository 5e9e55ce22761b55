namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>The CRC-32 of gzip and ZIP (polynomial 0xEDB88320), computed incrementally.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues <paramref name="crc"/> (0 to start) over a run of bytes.</summary>
    public static uint Update(uint crc, byte[] buffer, int offset, int count)
    {
        uint c = ~crc;
        for (int i = offset; i < offset + count; i++)
        {
            c = Table[(c ^ buffer[i]) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
