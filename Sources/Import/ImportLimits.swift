/// How much `casebook import` reads, so that no file makes it hang or fill the memory. Each limit
/// is an error naming the file, before the slow work starts (docs/import.md lists them).
public enum ImportLimits {
    /// A CSV file, or an .xlsx archive as it is on disk.
    public static let fileBytes = 64 << 20
    /// One part of an .xlsx archive (a sheet, the shared strings), unpacked. The size the archive
    /// declares is checked first and the bytes actually unpacked are counted, so an archive that
    /// lies about its sizes (a zip bomb) is stopped at this many bytes. A 100,000-row sheet of
    /// short cells is about 14 MB.
    public static let xlsxPartBytes = 32 << 20
    /// A part may unpack to at most this many times its packed size: a sheet of text compresses
    /// about 5 to 20 times; a zip bomb, thousands of times.
    public static let xlsxRatio: UInt64 = 200
    /// Rows in one source (one quote file is written per excerpt).
    public static let rows = 100_000
    /// Columns in one source.
    public static let columns = 1_000
    /// Cells in one sheet of a workbook, counted as its rows times its widest row: a row is held
    /// up to its last cell, so one cell at a far column (`ALL7`) costs a thousand. The rows and
    /// columns limits together would allow 100 million cells, 1.6 GB of empty text, from a
    /// workbook of a few kilobytes. 5 million is 100,000 rows of 50 columns, about 80 MB.
    public static let sheetCells = 5_000_000
    /// One excerpt's text, the limit casebook puts on any Markdown text.
    public static let excerptBytes = 1 << 20
}
