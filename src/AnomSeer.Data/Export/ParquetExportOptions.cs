namespace AnomSeer.Data.Export;

/// <summary>Options of <see cref="ParquetExporter"/>.</summary>
public sealed class ParquetExportOptions
{
    /// <summary><c>data_source</c> of every row; default <c>"timeseries_anol"</c> (spec c.1, AnomSeer <c>anom.py</c>).</summary>
    public string DataSource { get; init; } = "timeseries_anol";

    /// <summary>Rows per Parquet row group (each row holds a PNG, so groups stay small); default 256.</summary>
    public int RowGroupSize { get; init; } = 256;

    /// <summary>
    /// The relative image path recorded for a sample (<c>images[0].path</c> and <c>extra_info.image_path</c>);
    /// default <c>images/{id}.png</c>, the layout <c>anomseer generate --images</c> writes.
    /// </summary>
    public Func<Samples.TsadSample, string> ImagePath { get; init; } = s => $"images/{s.Id}.png";
}
