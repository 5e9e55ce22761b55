using System;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Reads BIFF8 records (type, length, data) from an Excel 97-2003 <c>Workbook</c> stream, one at a time, and the
/// strings that may run on into <c>CONTINUE</c> records ([MS-XLS] 2.1.4 and 2.5.293). A record cut short by the end of
/// the stream is <see cref="FormatException"/>: the text read so far has been scanned, the rest is reported.
/// </summary>
internal sealed class BiffRecordReader
{
    /// <summary>The CONTINUE record type.</summary>
    public const int Continue = 0x003C;

    private readonly Stream _stream;
    private readonly byte[] _header = new byte[4];
    private byte[] _data = new byte[8224];
    private int _peekType = -1;
    private int _peekLength;

    public BiffRecordReader(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    }

    /// <summary>The current record's type.</summary>
    public int Type { get; private set; }

    /// <summary>The current record's length.</summary>
    public int Length { get; private set; }

    /// <summary>The current record's data; only the first <see cref="Length"/> bytes are its own.</summary>
    public byte[] Data => _data;

    /// <summary>Moves to the next record.</summary>
    /// <returns>False at the end of the stream.</returns>
    /// <exception cref="FormatException">The stream ends inside a record.</exception>
    public bool Next()
    {
        if (!PeekHeader())
        {
            return false;
        }

        Type = _peekType;
        Length = _peekLength;
        _peekType = -1;
        if (_data.Length < Length)
        {
            _data = new byte[Length];
        }

        if (ReadFully(_data, Length) != Length)
        {
            throw new FormatException("The workbook ends inside a record.");
        }

        return true;
    }

    /// <summary>The type of the next record, or -1 at the end of the stream.</summary>
    public int PeekType() => PeekHeader() ? _peekType : -1;

    /// <summary>A view of the current record that reads on into the CONTINUE records after it.</summary>
    public Cursor Open(int offset) => new(this, offset);

    private bool PeekHeader()
    {
        if (_peekType >= 0)
        {
            return true;
        }

        Array.Clear(_header, 0, 4);
        int read = ReadFully(_header, 4);
        if (read == 0)
        {
            return false;
        }

        if (read < 4 && Array.TrueForAll(_header, b => b == 0))
        {
            // Zero padding after the last record (Excel pads small workbook streams): the end, not damage.
            return false;
        }

        if (read < 4)
        {
            throw new FormatException("The workbook ends inside a record header.");
        }

        _peekType = _header[0] | (_header[1] << 8);
        _peekLength = _header[2] | (_header[3] << 8);
        return true;
    }

    private int ReadFully(byte[] buffer, int count)
    {
        int total = 0;
        int read;
        while (total < count && (read = _stream.Read(buffer, total, count - total)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Reads values across a record and the CONTINUE records that follow it.</summary>
    internal sealed class Cursor
    {
        private readonly BiffRecordReader _records;
        private int _at;

        public Cursor(BiffRecordReader records, int offset)
        {
            _records = records;
            _at = offset;
        }

        /// <summary>Whether every byte of the record and its continuations has been read.</summary>
        public bool AtEnd => _at >= _records.Length && _records.PeekType() != Continue;

        public byte ReadByte()
        {
            EnsureByte();
            return _records._data[_at++];
        }

        public int ReadUInt16() => ReadByte() | (ReadByte() << 8);

        public uint ReadUInt32() => (uint)(ReadUInt16() | (ReadUInt16() << 16));

        public void Skip(long count)
        {
            while (count > 0)
            {
                EnsureByte();
                int take = (int)Math.Min(count, _records.Length - _at);
                _at += take;
                count -= take;
            }
        }

        /// <summary>
        /// Reads <paramref name="count"/> characters, 8-bit (Latin-1) or UTF-16 as <paramref name="highByte"/> says; where
        /// the characters run into a CONTINUE record, that record starts with a new flags byte for the rest.
        /// </summary>
        public string ReadChars(int count, bool highByte)
        {
            var sb = new StringBuilder(Math.Min(count, 8224));
            while (sb.Length < count)
            {
                if (_at >= _records.Length)
                {
                    NextContinue();
                    highByte = (_records._data[_at++] & 0x01) != 0;
                    continue;
                }

                if (highByte)
                {
                    if (_at + 2 > _records.Length)
                    {
                        throw new FormatException("A workbook string is cut in half.");
                    }

                    sb.Append((char)(_records._data[_at] | (_records._data[_at + 1] << 8)));
                    _at += 2;
                }
                else
                {
                    sb.Append((char)_records._data[_at++]);
                }
            }

            return sb.ToString();
        }

        /// <summary>An <c>XLUnicodeRichExtendedString</c> (the SST's strings), its formatting runs and phonetic data skipped.</summary>
        public string ReadRichExtendedString()
        {
            int count = ReadUInt16();
            byte flags = ReadByte();
            int runs = (flags & 0x08) != 0 ? ReadUInt16() : 0;
            long extension = (flags & 0x04) != 0 ? ReadUInt32() : 0;
            string text = ReadChars(count, (flags & 0x01) != 0);
            Skip((runs * 4L) + extension);
            return text;
        }

        private void EnsureByte()
        {
            if (_at >= _records.Length)
            {
                NextContinue();
            }
        }

        private void NextContinue()
        {
            if (_records.PeekType() != Continue || !_records.Next())
            {
                throw new FormatException("A workbook record ends before its data.");
            }

            _at = 0;
            if (_records.Length == 0)
            {
                NextContinue();
            }
        }
    }
}
