using CsvHelper;

namespace HomeService.Web.Data.Csv;

/// <summary>
/// The one way the center writes CSV for people to open in a spreadsheet: UTF-8 with a BOM (without it Excel guesses a
/// legacy code page and garbles the Chinese), LF line ends as the exports always had, and every text cell that starts
/// with = + - @, a tab or a CR written with a leading ' so Excel shows it as text instead of running it as a formula
/// (CSV injection). Numbers are written as numbers, so -5 stays -5.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        NewLine = "\n",
        Injection = CsvInjection.Escape,
    };

    /// <summary>A writer onto <paramref name="output"/> (left open); dispose it asynchronously to flush.</summary>
    public static CsvWriter Writer(Stream output) => CsvWriter.Create(output, Options, leaveOpen: true);

    /// <summary>Writes the header row.</summary>
    public static async Task Header(this CsvWriter csv, IEnumerable<string> columns, CancellationToken ct = default)
    {
        foreach (var column in columns) csv.WriteField(column);
        await csv.EndRecordAsync(ct);
    }

    /// <summary>Starts a streamed CSV download: the rows go to the client as they are written, never all held in memory.</summary>
    public static Stream Download(HttpContext http, string fileName)
    {
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return http.Response.Body;
    }

    /// <summary>A small report written whole (a few hundred grouped rows at most).</summary>
    public static async Task<byte[]> Bytes(Func<CsvWriter, Task> write)
    {
        using var buffer = new MemoryStream();
        await using (var csv = Writer(buffer)) await write(csv);
        return buffer.ToArray();
    }
}
