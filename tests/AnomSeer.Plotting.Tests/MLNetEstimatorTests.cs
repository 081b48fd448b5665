using AnomSeer.MLNet;
using AnomSeer.Plotting.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Plotting.Tests;

/// <summary>The estimator checked the way ML.NET's TestEstimatorCore does: schema, invalid input, save → load → same output.</summary>
public class MLNetEstimatorTests
{
    public sealed class FloatRow
    {
        [VectorType(1000)] public float[] Series { get; set; } = [];
        public string Name { get; set; } = "";
        public float Scalar { get; set; }
    }

    public sealed class DoubleRow
    {
        public double[] Series { get; set; } = [];
    }

    /// <summary>ML.NET builds a SchemaShape from a schema internally (as EstimatorChain does); the factory is not public.</summary>
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [schema])!;

    private static FloatRow[] Rows() => Enumerable.Range(0, 3)
        .Select(i => new FloatRow { Series = TestSeries.Noisy(1000, 40 + i).Select(v => (float)v).ToArray(), Name = $"s{i}", Scalar = i })
        .ToArray();

    private static List<byte[]> PngColumn(IDataView data, string column) =>
        data.GetColumn<VBuffer<byte>>(column).Select(v => v.DenseValues().ToArray()).ToList();

    [Fact]
    public void Png_column_equals_the_plain_renderer_and_internal_columns_are_dropped()
    {
        var ml = new MLContext(seed: 1);
        var rows = Rows();
        var data = ml.Data.LoadFromEnumerable(rows);
        var estimator = ml.Transforms.RenderTimeSeriesPlot("Plot", "Series");

        var shape = estimator.GetOutputSchema(ShapeOf(data.Schema));
        var plotShape = shape.Single(c => c.Name == "Plot");
        Assert.Equal(SchemaShape.Column.VectorKind.VariableVector, plotShape.Kind);
        Assert.Equal(NumberDataViewType.Byte, plotShape.ItemType);

        var output = estimator.Fit(data).Transform(data);
        Assert.Equal(new[] { "Series", "Name", "Scalar", "Plot" }, output.Schema.Where(c => !c.IsHidden).Select(c => c.Name));
        Assert.DoesNotContain(output.Schema, c => c.Name.StartsWith("__"));

        var renderer = new TimeSeriesPlotRenderer();
        var pngs = PngColumn(output, "Plot");
        for (int i = 0; i < rows.Length; i++)
            Assert.Equal(renderer.Render(rows[i].Series.AsSpan()).EncodePng(), pngs[i]);
    }

    [Fact]
    public void Double_variable_length_input_works()
    {
        var ml = new MLContext(seed: 1);
        var rows = new[] { new DoubleRow { Series = TestSeries.Sine(700) }, new DoubleRow { Series = TestSeries.Sine(1000, 0.3) } };
        var data = ml.Data.LoadFromEnumerable(rows);
        var output = ml.Transforms.RenderTimeSeriesPlot("Plot", "Series").Fit(data).Transform(data);
        var pngs = PngColumn(output, "Plot");
        Assert.Equal(new TimeSeriesPlotRenderer().RenderPng(rows[0].Series), pngs[0]);
        Assert.Equal(new TimeSeriesPlotRenderer().RenderPng(rows[1].Series), pngs[1]);
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("Name")]
    [InlineData("Scalar")]
    public void Invalid_input_column_throws_naming_it(string column)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var estimator = ml.Transforms.RenderTimeSeriesPlot("Plot", column);
        var fit = Assert.ThrowsAny<ArgumentException>(() => estimator.Fit(data));
        Assert.Contains($"'{column}'", fit.Message);
        var schema = Assert.ThrowsAny<ArgumentException>(() => estimator.GetOutputSchema(ShapeOf(data.Schema)));
        Assert.Contains($"'{column}'", schema.Message);
    }

    [Fact]
    public void Save_then_load_gives_identical_output()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var options = new PlotOptions { Width = 640, Height = 200, YAxisMode = YAxisMode.Auto, LineColor = PlotColor.Parse("#AA3311") };
        var model = ml.Transforms.RenderTimeSeriesPlot("Plot", "Series", options).Fit(data);
        var before = PngColumn(model.Transform(data), "Plot");

        string path = Path.Combine(Path.GetTempPath(), $"plot-model-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(seed: 2).RegisterAnomSeerComponents(typeof(PlottingCatalog).Assembly);
            var loaded = fresh.Model.Load(path, out var inputSchema);
            Assert.NotNull(inputSchema.GetColumnOrNull("Series"));
            var after = PngColumn(loaded.Transform(fresh.Data.LoadFromEnumerable(Rows())), "Plot");
            Assert.Equal(before, after);
            // The options travelled with the model: 640 px wide, not the default 1000.
            var decoded = SkiaSharp.SKBitmap.Decode(after[0]);
            Assert.Equal((640, 200), (decoded.Width, decoded.Height));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Tensor_output_survives_save_and_load_and_matches_the_renderer()
    {
        var ml = new MLContext(seed: 1);
        var rows = Rows();
        var data = ml.Data.LoadFromEnumerable(rows);
        var options = new PlotOptions { Width = 320, Height = 64 };
        var model = ml.Transforms.RenderTimeSeriesPlot("Pixels", "Series", options, PlotOutputKind.Tensor, TensorColorMode.Grayscale).Fit(data);
        var tensors = model.Transform(data).GetColumn<VBuffer<float>>("Pixels").Select(v => v.DenseValues().ToArray()).ToList();
        var expected = new TimeSeriesPlotRenderer(options).Render(rows[1].Series.AsSpan()).ToTensor(TensorColorMode.Grayscale);
        Assert.Equal(expected, tensors[1]);

        string path = Path.Combine(Path.GetTempPath(), $"plot-model-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(seed: 3).RegisterAnomSeerComponents(typeof(PlottingCatalog).Assembly);
            var loaded = fresh.Model.Load(path, out _);
            var again = loaded.Transform(data).GetColumn<VBuffer<float>>("Pixels").Select(v => v.DenseValues().ToArray()).ToList();
            Assert.Equal(tensors, again);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Options_state_round_trips_every_field()
    {
        var o = new PlotOptions
        {
            Width = 321, Height = 77, Dpi = 96, LineColor = new PlotColor(1, 2, 3, 4), LineWidthPoints = 0.7,
            BackgroundColor = PlotColor.Parse("#FAFAFA"), ForegroundColor = PlotColor.Parse("#101010"), YAxisMode = YAxisMode.Auto,
            YMin = -3, YMax = 4, YMarginFraction = 0.1, XMarginFraction = 0.05, ShowTickLabels = false, FontSizePoints = 8,
            TickLengthPoints = 2, TickPadPoints = 1, AxisLineWidthPoints = 0.5, OuterPadPoints = 3, PanelGapPoints = 6,
            Antialias = false, ShadeIntervals = true, ShadeColor = PlotColor.Parse("#FF000040"), DecimationPointsPerColumn = 3,
            PngCompressionLevel = 1, FontFile = "/fonts/Ünïcode Font.ttf",
        };
        var (back, kind, mode) = PlotOptionsState.Decode(PlotOptionsState.Encode(o, PlotOutputKind.Tensor, TensorColorMode.Grayscale));
        Assert.Equal(o, back);
        Assert.Equal((PlotOutputKind.Tensor, TensorColorMode.Grayscale), (kind, mode));
        Assert.Equal(new PlotOptions(), PlotOptionsState.Decode(PlotOptionsState.Encode(new PlotOptions(), 0, 0)).Options);
        Assert.Throws<InvalidDataException>(() => PlotOptionsState.Decode(new double[] { 99, 0, 0 }));
    }
}
