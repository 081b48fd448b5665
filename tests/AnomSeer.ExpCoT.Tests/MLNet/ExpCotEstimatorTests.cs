using AnomSeer.ExpCoT.Detection;
using AnomSeer.ExpCoT.MLNet;
using AnomSeer.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.ExpCoT.Tests.MLNet;

public class ExpCotEstimatorTests
{
    private sealed class Row
    {
        public float[] Series { get; set; } = [];
        public int[] GroundTruth { get; set; } = [];
        public string Class { get; set; } = "";
        public string Task { get; set; } = "";
    }

    private sealed class ExpCotOut
    {
        public string ExpCot { get; set; } = "";
        public string ExpCotExpertClass { get; set; } = "";
        public int[] ExpCotExpertIntervals { get; set; } = [];
    }

    private sealed class DetectOut
    {
        public string Reasoning { get; set; } = "";
        public int[] Intervals { get; set; } = [];
        public string PredictedClass { get; set; } = "";
    }

    // ML.NET builds a SchemaShape from a schema with an internal factory; reach it by reflection.
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [schema])!;

    private static Row[] Rows()
    {
        var range = TestSeries.Gaussian(400, 0.1, 1);
        for (int i = 200; i < 215; i++) range[i] += 0.8;
        var point = TestSeries.Sine(400, 0.03);
        var noise = TestSeries.Gaussian(400, 0.5, 2);
        for (int i = 250; i < 275; i++) point[i] = noise[i];
        var freq = ExpCotGeneratorTests.FrequencySeries(out _);
        return
        [
            new Row { Series = range.Select(v => (float)v).ToArray(), GroundTruth = [200, 215], Class = "global point", Task = "range" },
            new Row { Series = point.Select(v => (float)v).ToArray(), GroundTruth = [250, 275], Class = "contextual", Task = "noisy-point" },
            new Row { Series = freq.Select(v => (float)v).ToArray(), GroundTruth = [500, 540], Class = "seasonal", Task = "freq" },
            new Row { Series = TestSeries.Sine(100, 0.05).Select(v => (float)v).ToArray(), GroundTruth = [], Class = "normal", Task = "trend" },
        ];
    }

    [Fact]
    public void GenerateExpCot_matches_the_plain_api_and_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        var rows = Rows();
        var data = ml.Data.LoadFromEnumerable(rows);
        var options = new ExpCotOptions { TextStyle = ExpCotTextStyle.Released };
        var model = ml.Transforms.GenerateExpCot(options: options).Fit(data);
        var outRows = ml.Data.CreateEnumerable<ExpCotOut>(model.Transform(data), reuseRowObject: false).ToList();

        var generator = new ExpCotGenerator(options);
        for (int i = 0; i < rows.Length; i++)
        {
            var gt = Enumerable.Range(0, rows[i].GroundTruth.Length / 2).Select(k => new AnomalyInterval(rows[i].GroundTruth[2 * k], rows[i].GroundTruth[2 * k + 1])).ToList();
            var trace = generator.Generate(rows[i].Series.Select(v => (double)v).ToArray(), gt, AnomalyClassNames.Parse(rows[i].Class), rows[i].Task);
            Assert.Equal(trace.Text, outRows[i].ExpCot);
            Assert.Equal(IntervalEncoding.Flatten(trace.DetectedIntervals), outRows[i].ExpCotExpertIntervals);
        }
        Assert.Equal("global point", outRows[0].ExpCotExpertClass);
        Assert.Equal("contextual point", outRows[1].ExpCotExpertClass);

        var path = Path.Combine(Path.GetTempPath(), $"expcot-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var ml2 = new MLContext(seed: 2).RegisterAnomSeerComponents(typeof(ExpCotCatalog).Assembly);
            var loaded = ml2.Model.Load(path, out _);
            var again = ml2.Data.CreateEnumerable<ExpCotOut>(loaded.Transform(ml2.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();
            for (int i = 0; i < rows.Length; i++)
            {
                Assert.Equal(outRows[i].ExpCot, again[i].ExpCot);
                Assert.Equal(outRows[i].ExpCotExpertClass, again[i].ExpCotExpertClass);
                Assert.Equal(outRows[i].ExpCotExpertIntervals, again[i].ExpCotExpertIntervals);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GenerateExpCot_output_schema_adds_three_columns_and_drops_internals()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var schema = ml.Transforms.GenerateExpCot().Fit(data).GetOutputSchema(data.Schema);
        Assert.IsType<TextDataViewType>(schema["ExpCot"].Type);
        Assert.IsType<TextDataViewType>(schema["ExpCotExpertClass"].Type);
        Assert.Equal(NumberDataViewType.Int32, ((VectorDataViewType)schema["ExpCotExpertIntervals"].Type).ItemType);
        Assert.DoesNotContain(schema, c => c.Name.StartsWith("__", StringComparison.Ordinal) && !c.IsHidden);
        var shape = ml.Transforms.GenerateExpCot().GetOutputSchema(ShapeOf(data.Schema));
        Assert.Contains(shape, c => c.Name == "ExpCot");
    }

    [Fact]
    public void Invalid_schemas_throw_naming_the_column()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var e1 = Assert.Throws<ArgumentException>(() => ml.Transforms.GenerateExpCot(seriesColumnName: "Values").Fit(data));
        Assert.Contains("'Values'", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => ml.Transforms.GenerateExpCot(taskColumnName: "Series").Fit(data));
        Assert.Contains("'Series'", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => ml.Transforms.GenerateExpCot(groundTruthColumnName: "Class").GetOutputSchema(ShapeOf(data.Schema)));
        Assert.Contains("'Class'", e3.Message);
        var e4 = Assert.Throws<ArgumentException>(() => ml.Transforms.DetectAnomaliesWithExpert(seriesColumnName: "Task").Fit(data));
        Assert.Contains("'Task'", e4.Message);
    }

    [Fact]
    public void DetectWithExpert_matches_the_plain_api_and_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        var rows = Rows();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.AnomalyDetection.DetectWithExpert().Fit(data);
        var outRows = ml.Data.CreateEnumerable<DetectOut>(model.Transform(data), reuseRowObject: false).ToList();
        var detector = new ExpertDetector();
        for (int i = 0; i < rows.Length; i++)
        {
            var d = detector.Detect(rows[i].Series.Select(v => (double)v).ToArray());
            Assert.Equal(d.Reasoning, outRows[i].Reasoning);
            Assert.Equal(d.Class.ToCanonicalName(), outRows[i].PredictedClass);
            Assert.Equal(IntervalEncoding.Flatten(d.Intervals), outRows[i].Intervals);
        }
        Assert.Equal("global point", outRows[0].PredictedClass);

        var path = Path.Combine(Path.GetTempPath(), $"expert-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var ml2 = new MLContext(seed: 3).RegisterAnomSeerComponents(typeof(ExpCotCatalog).Assembly);
            var loaded = ml2.Model.Load(path, out _);
            var again = ml2.Data.CreateEnumerable<DetectOut>(loaded.Transform(ml2.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();
            for (int i = 0; i < rows.Length; i++)
            {
                Assert.Equal(outRows[i].Reasoning, again[i].Reasoning);
                Assert.Equal(outRows[i].PredictedClass, again[i].PredictedClass);
                Assert.Equal(outRows[i].Intervals, again[i].Intervals);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Non_default_options_round_trip_through_the_state_vector()
    {
        var o = new ExpertDetectorOptions { RangeZThreshold = 4.25, Denoise = DenoiseMode.Always, DiscordMinimumDistance = 1.5 };
        o.Analyses.NoisyTaskMarker = "nz";
        o.Analyses.FrequencyIncludeLastWindow = true;
        o.Analyses.GlobalScan = GlobalScan.Hbos;
        var back = OptionsState.DecodeDetector(OptionsState.Encode(o));
        Assert.Equal(4.25, back.RangeZThreshold);
        Assert.Equal(DenoiseMode.Always, back.Denoise);
        Assert.Equal(1.5, back.DiscordMinimumDistance);
        Assert.Equal("nz", back.Analyses.NoisyTaskMarker);
        Assert.True(back.Analyses.FrequencyIncludeLastWindow);
        Assert.Equal(GlobalScan.Hbos, back.Analyses.GlobalScan);
        Assert.Equal(OptionsState.Encode(o), OptionsState.Encode(back));
    }

    [Fact]
    public void Interval_encoding_rejects_bad_pairs_naming_the_column()
    {
        Assert.Equal([new AnomalyInterval(1, 3)], IntervalEncoding.Unflatten([1, 3], "gt"));
        Assert.Contains("'gt'", Assert.Throws<FormatException>(() => IntervalEncoding.Unflatten([1, 3, 5], "gt")).Message);
        Assert.Throws<FormatException>(() => IntervalEncoding.Unflatten([3, 1], "gt"));
        Assert.Throws<FormatException>(() => IntervalEncoding.Unflatten([0.5, 2], "gt"));
    }
}
