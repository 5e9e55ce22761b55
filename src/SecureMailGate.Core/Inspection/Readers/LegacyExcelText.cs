using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// The text of an Excel 97-2003 workbook ([MS-XLS], BIFF8), read record by record from the <c>Workbook</c> stream:
/// sheet names and defined names, then each worksheet as a table (<see cref="AttachmentContext.ScanTable"/>: a keyword
/// in a header cell makes the whole column count), built from string cells (shared strings, <c>LABEL</c>), number
/// cells (<c>NUMBER</c>, <c>RK</c>, <c>MULRK</c>, formula results) written as the decimal number they hold, and after
/// it the sheet's header, footer and cell comments. Cell text is charged to the budget as it is produced, so a sheet
/// that refers to one long shared string a million times cannot expand past the limit. Excel 5/95 workbooks
/// (BIFF5) are <see cref="FormatException"/>.
/// </summary>
internal static class LegacyExcelText
{
    private const int Bof = 0x0809;
    private const int Eof = 0x000A;
    private const int MaxColumns = 256;

    /// <summary>Reads the workbook into <paramref name="context"/>.</summary>
    /// <exception cref="FormatException">The workbook is not BIFF8 or its records are damaged.</exception>
    public static void Read(Stream workbook, AttachmentContext context)
    {
        var records = new BiffRecordReader(workbook);
        if (!records.Next() || records.Type != Bof || records.Length < 4 || U16(records.Data, 0) != 0x0600)
        {
            throw new FormatException("Not an Excel 97-2003 (BIFF8) workbook.");
        }

        var names = new StringBuilder();
        List<string> shared = Globals(records, names, context.Budget);
        context.ScanText(names.ToString());
        while (records.Next())
        {
            if (records.Type != Bof || records.Length < 4)
            {
                continue;
            }

            int kind = U16(records.Data, 2);
            var side = new StringBuilder();
            if (kind == 0x0010)
            {
                context.ScanTable(SheetRows(records, shared, side, context.Budget));
            }
            else
            {
                SkipSubstream(records, side, context.Budget);
            }

            if (side.Length > 0)
            {
                context.ScanText(side.ToString());
            }
        }
    }

    /// <summary>The workbook globals up to their EOF: sheet names and defined names into <paramref name="names"/>, and the shared strings.</summary>
    private static List<string> Globals(BiffRecordReader records, StringBuilder names, InspectionBudget budget)
    {
        var shared = new List<string>();
        int count = 0;
        while (records.Next() && records.Type != Eof)
        {
            if (++count % 1024 == 0)
            {
                budget.CheckTime();
            }

            switch (records.Type)
            {
                case 0x0085 when records.Length >= 8: // BOUNDSHEET: lbPlyPos, hsState, dt, ShortXLUnicodeString
                    names.Append(records.Open(8).ReadChars(records.Data[6], (records.Data[7] & 1) != 0)).Append('\n');
                    break;
                case 0x0018 when records.Length >= 15 && (U16(records.Data, 0) & 0x0020) == 0: // NAME, not a built-in name
                    BiffRecordReader.Cursor name = records.Open(14);
                    bool high = (name.ReadByte() & 1) != 0;
                    names.Append(name.ReadChars(records.Data[3], high)).Append('\n');
                    break;
                case 0x00FC when records.Length >= 8: // SST
                    BiffRecordReader.Cursor sst = records.Open(0);
                    sst.ReadUInt32();
                    long unique = sst.ReadUInt32();
                    for (long i = 0; i < unique && !sst.AtEnd; i++)
                    {
                        string s = sst.ReadRichExtendedString();
                        budget.ChargeCharacters(s.Length);
                        shared.Add(s);
                    }

                    break;
            }
        }

        return shared;
    }

    /// <summary>One worksheet's rows, each as wide as its last cell; header, footer and comment text go to <paramref name="side"/>.</summary>
    private static IEnumerable<IReadOnlyList<string>> SheetRows(BiffRecordReader records, List<string> shared, StringBuilder side, InspectionBudget budget)
    {
        var row = new List<string>();
        int rowIndex = -1;
        int nesting = 1;
        bool formulaString = false;
        int formulaRow = 0;
        int formulaColumn = 0;
        int count = 0;
        while (nesting > 0 && records.Next())
        {
            if (++count % 1024 == 0)
            {
                budget.CheckTime();
            }

            byte[] d = records.Data;
            int length = records.Length;
            int type = records.Type;
            if (type == Bof)
            {
                nesting++;
                continue;
            }

            if (type == Eof)
            {
                nesting--;
                continue;
            }

            if (nesting > 1)
            {
                continue;
            }

            var cells = new List<(int Row, int Column, string Text)>();
            switch (type)
            {
                case 0x00FD when length >= 10: // LABELSST
                    uint index = U32(d, 6);
                    cells.Add((U16(d, 0), U16(d, 2), index < shared.Count ? shared[(int)index] : string.Empty));
                    break;
                case 0x0204 or 0x00D6 when length >= 9: // LABEL, RSTRING
                    cells.Add((U16(d, 0), U16(d, 2), records.Open(9).ReadChars(U16(d, 6), (d[8] & 1) != 0)));
                    break;
                case 0x0203 when length >= 14: // NUMBER
                    cells.Add((U16(d, 0), U16(d, 2), Number(BitConverter.ToDouble(d, 6))));
                    break;
                case 0x027E when length >= 10: // RK
                    cells.Add((U16(d, 0), U16(d, 2), Number(Rk(U32(d, 6)))));
                    break;
                case 0x00BD when length >= 6: // MULRK: row, first column, (ixfe, RK)*, last column
                    for (int at = 4, column = U16(d, 2); at + 6 <= length - 2; at += 6, column++)
                    {
                        cells.Add((U16(d, 0), column, Number(Rk(U32(d, at + 2)))));
                    }

                    break;
                case 0x0006 when length >= 14: // FORMULA: a cached number, or a string in the STRING record that follows
                    formulaString = d[12] == 0xFF && d[13] == 0xFF && d[6] == 0;
                    if (formulaString)
                    {
                        formulaRow = U16(d, 0);
                        formulaColumn = U16(d, 2);
                    }
                    else if (!(d[12] == 0xFF && d[13] == 0xFF))
                    {
                        cells.Add((U16(d, 0), U16(d, 2), Number(BitConverter.ToDouble(d, 6))));
                    }

                    break;
                case 0x0207 when formulaString && length >= 3: // STRING
                    cells.Add((formulaRow, formulaColumn, records.Open(3).ReadChars(U16(d, 0), (d[2] & 1) != 0)));
                    formulaString = false;
                    break;
                case 0x0014 or 0x0015 when length >= 3: // HEADER, FOOTER
                    Append(side, records.Open(3).ReadChars(U16(d, 0), (d[2] & 1) != 0), budget);
                    break;
                case 0x01B6 when length >= 12: // TXO: a comment's or text box's text, in the CONTINUE record after it
                    Append(side, TextObject(records, U16(d, 10)), budget);
                    break;
            }

            foreach ((int r, int column, string text) in cells)
            {
                budget.ChargeCharacters(text.Length);
                if (column >= MaxColumns)
                {
                    Append(side, text, budget: null);
                    continue;
                }

                if (r != rowIndex && rowIndex >= 0 && row.Count > 0)
                {
                    yield return row.ToArray();
                    row.Clear();
                }

                rowIndex = r;
                while (row.Count <= column)
                {
                    row.Add(string.Empty);
                }

                row[column] = text;
            }
        }

        if (row.Count > 0)
        {
            yield return row.ToArray();
        }
    }

    /// <summary>A chart or macro sheet: nothing tabular, but its text boxes are still text.</summary>
    private static void SkipSubstream(BiffRecordReader records, StringBuilder side, InspectionBudget budget)
    {
        int nesting = 1;
        while (nesting > 0 && records.Next())
        {
            nesting += records.Type == Bof ? 1 : records.Type == Eof ? -1 : 0;
            if (records.Type == 0x01B6 && records.Length >= 12)
            {
                Append(side, TextObject(records, U16(records.Data, 10)), budget);
            }
        }
    }

    /// <summary>
    /// The text of a TXO record (a comment or text box), held in the CONTINUE record after it: a flags byte, then the
    /// characters. The formatting runs follow in another CONTINUE record, which is left alone.
    /// </summary>
    private static string TextObject(BiffRecordReader records, int characters)
    {
        if (characters == 0 || records.PeekType() != BiffRecordReader.Continue || !records.Next() || records.Length == 0)
        {
            return string.Empty;
        }

        bool high = (records.Data[0] & 1) != 0;
        return records.Open(1).ReadChars(Math.Min(characters, (records.Length - 1) / (high ? 2 : 1)), high);
    }

    private static void Append(StringBuilder side, string text, InspectionBudget? budget)
    {
        budget?.ChargeCharacters(text.Length);
        side.Append(text).Append('\n');
    }

    /// <summary>An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.</summary>
    private static double Rk(uint rk)
    {
        double value = (rk & 0x02) != 0
            ? (int)rk >> 2
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 0x01) != 0 ? value / 100 : value;
    }

    /// <summary>A number as plain decimal: 9434765919, never 9.434765919E+09.</summary>
    private static string Number(double value) =>
        !double.IsNaN(value) && !double.IsInfinity(value) && Math.Abs(value) < 1e15 && Math.Floor(value) == value
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static int U16(byte[] d, int at) => d[at] | (d[at + 1] << 8);

    private static uint U32(byte[] d, int at) => BitConverter.ToUInt32(d, at);
}
