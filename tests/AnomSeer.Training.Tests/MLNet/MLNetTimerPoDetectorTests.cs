using AnomSeer.Answers;
using AnomSeer.ExpCoT.MLNet;
using AnomSeer.MLNet;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Training.Tests.MLNet;

[Collection(MLNetDetectorCollection.Name)]
public class MLNetTimerPoDetectorTests(MLNetDetectorFixture fixture)
{
    // ML.NET builds a SchemaShape from a schema with an internal factory; reach it by reflection.
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [schema])!;

    private static string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}");

    [Fact]
    public void Fit_RunsSftAndTimerPo_AndAddsTypedColumns()
    {
        Assert.Equal(1, fixture.SftReports);
        Assert.Equal(1, fixture.TimerPoReports);
        var schema = fixture.Detector.Transform(fixture.Data).Schema;
        Assert.IsType<TextDataViewType>(schema["Reasoning"].Type);
        Assert.Equal(NumberDataViewType.Int32, Assert.IsType<VectorDataViewType>(schema["Intervals"].Type).ItemType);
        Assert.IsType<TextDataViewType>(schema["PredictedClass"].Type);
        Assert.IsType<TextDataViewType>(schema["Response"].Type);
        Assert.DoesNotContain(schema, c => c.Name.StartsWith("__", StringComparison.Ordinal) && !c.IsHidden);
        Assert.Equal(schema.Select(c => (c.Name, c.Type.ToString())), fixture.Detector.GetOutputSchema(fixture.Data.Schema).Select(c => (c.Name, c.Type.ToString())));

        var shape = fixture.Ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options()).GetOutputSchema(ShapeOf(fixture.Data.Schema));
        Assert.Contains(shape, c => c.Name == "Reasoning" && c.ItemType is TextDataViewType);
        Assert.Contains(shape, c => c.Name == "Intervals" && c.ItemType == NumberDataViewType.Int32);
        Assert.Contains(shape, c => c.Name == "PredictedClass" && c.ItemType is TextDataViewType);

        // Every row is answered, and the columns are what the parser makes of the raw response.
        Assert.Equal(4, fixture.Predictions.Count);
        Assert.Contains(fixture.Predictions, p => p.Response.Length > 0);
        foreach (var p in fixture.Predictions)
        {
            var parsed = AnswerParser.Parse(p.Response);
            Assert.Equal(parsed.Reasoning ?? "", p.Reasoning);
            Assert.Equal(parsed.Intervals is null ? [] : IntervalEncoding.Flatten(parsed.Intervals), p.Intervals);
            Assert.Equal(parsed.Class?.ToCanonicalName() ?? "", p.PredictedClass);
        }
        Assert.Equal(0.4, fixture.Detector.Settings.Temperature);
        Assert.Equal(5, fixture.Detector.Settings.Seed);
    }

    [Fact]
    public void Predictions_AreDeterministic_AndEqualThePlainApi()
    {
        var again = MLNetTinyData.Predict(fixture.Ml, fixture.Detector, fixture.Data);
        Assert.Equal(fixture.Predictions.Select(p => p.Response), again.Select(p => p.Response));
        // The policy is decoded once per thread, not once per row or per pass.
        int decodes = DetectorStateCache.Decodes;
        Assert.Equal(again.Select(p => p.Response), MLNetTinyData.Predict(fixture.Ml, fixture.Detector, fixture.Data).Select(p => p.Response));
        Assert.Equal(decodes, DetectorStateCache.Decodes);

        // The same answers from the plain API: the plot drawn as in training, one response at temperature 0.4, seed 5.
        using var policy = fixture.Detector.CreatePolicy();
        var renderer = new AnomSeer.Plotting.TimeSeriesPlotRenderer(fixture.Detector.Settings.PlotOptions);
        var rows = MLNetTinyData.Rows();
        for (int i = 0; i < rows.Length; i++)
        {
            var series = rows[i].Series.Select(v => (double)v).ToArray();
            var image = AnomSeer.Policy.PlotImage.FromRenderedPlot(renderer.Render(series), fixture.Detector.Settings.ColorMode);
            var input = new AnomSeer.Policy.PolicyInput(image, rows[i].Series);
            var response = policy.Sample([input], fixture.Detector.Settings.Sampling)[0];
            Assert.Equal(response.Text, fixture.Predictions[i].Response);
        }

        // A row's answer depends only on its series: the last row alone gets the same answer.
        var single = fixture.Ml.Data.LoadFromEnumerable(new[] { rows[3] });
        Assert.Equal(fixture.Predictions[3].Response, MLNetTinyData.Predict(fixture.Ml, fixture.Detector, single)[0].Response);
    }

    [Fact]
    public void SaveToFolder_ThenLoad_GivesIdenticalPredictions()
    {
        string folder = TempPath("timerpo-detector");
        try
        {
            fixture.Detector.Save(folder);
            Assert.True(File.Exists(Path.Combine(folder, "detector.json")));
            using (var alone = TinyPolicyModel.Load(folder)) // the folder is an ordinary policy checkpoint too
                Assert.Equal(MLNetTinyData.Config.ModelDim, alone.Config.ModelDim);

            var ml2 = new MLContext(seed: 9);
            var loaded = TimerPoDetector.Load(ml2, folder);
            Assert.Equal(fixture.Detector.Settings, loaded.Settings);
            Assert.Equal("Series", loaded.SeriesColumnName);
            Assert.Equal("Response", loaded.ResponseColumnName);
            var again = MLNetTinyData.Predict(ml2, loaded, ml2.Data.LoadFromEnumerable(MLNetTinyData.Rows()));
            AssertSame(fixture.Predictions, again);

            // Saving over an existing folder replaces it; the loaded detector saves the same files.
            loaded.Save(folder);
            var reloaded = TimerPoDetector.Load(ml2, folder);
            AssertSame(fixture.Predictions, MLNetTinyData.Predict(ml2, reloaded, ml2.Data.LoadFromEnumerable(MLNetTinyData.Rows())));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_MissingOrIncompleteFolder_FailsNamingTheFile()
    {
        var ml = new MLContext(seed: 1);
        string folder = TempPath("timerpo-missing");
        var e1 = Assert.Throws<PolicyCheckpointException>(() => TimerPoDetector.Load(ml, folder));
        Assert.Contains(folder, e1.Message);
        try
        {
            fixture.Detector.Save(folder);
            File.Delete(Path.Combine(folder, "detector.json"));
            var e2 = Assert.Throws<PolicyCheckpointException>(() => TimerPoDetector.Load(ml, folder));
            Assert.Contains("detector.json", e2.Message);
            fixture.Detector.Save(folder);
            File.WriteAllText(Path.Combine(folder, "detector.json"), "{ \"version\": 99 }");
            var e3 = Assert.Throws<PolicyCheckpointException>(() => TimerPoDetector.Load(ml, folder));
            Assert.Contains("version", e3.Message);
            fixture.Detector.Save(folder);
            File.Delete(Path.Combine(folder, "model.safetensors"));
            var e4 = Assert.Throws<PolicyCheckpointException>(() => TimerPoDetector.Load(ml, folder));
            Assert.Contains("model.safetensors", e4.Message);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MlContextModelSave_ThenLoad_GivesIdenticalPredictions()
    {
        string path = TempPath("timerpo-model") + ".zip";
        try
        {
            fixture.Ml.Model.Save(fixture.Detector, fixture.Data.Schema, path);
            var ml2 = new MLContext(seed: 2).RegisterAnomSeerComponents(typeof(TimerPoDetector).Assembly);
            var loaded = ml2.Model.Load(path, out var inputSchema);
            Assert.NotNull(inputSchema);
            var again = MLNetTinyData.Predict(ml2, loaded, ml2.Data.LoadFromEnumerable(MLNetTinyData.Rows()));
            AssertSame(fixture.Predictions, again);

            // Prediction engines work on the loaded model, from the series column alone.
            var engine = ml2.Model.CreatePredictionEngine<MLNetTinyData.SeriesOnly, MLNetTinyData.Prediction>(loaded);
            var one = engine.Predict(new MLNetTinyData.SeriesOnly { Series = MLNetTinyData.Rows()[1].Series.Select(v => (double)v).ToArray() });
            Assert.Equal(fixture.Predictions[1].Response, one.Response);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidSchema_Throws_NamingTheColumn()
    {
        var ml = fixture.Ml;
        var data = fixture.Data;
        var trainers = ml.AnomalyDetection.Trainers;
        var missing = Assert.Throws<ArgumentException>(() => trainers.TimerPO(MLNetTinyData.Options() with { SeriesColumnName = "Values" }).Fit(data));
        Assert.Contains("'Values'", missing.Message);
        var wrongSeries = Assert.Throws<ArgumentException>(() => trainers.TimerPO(MLNetTinyData.Options() with { SeriesColumnName = "Task" }).Fit(data));
        Assert.Contains("'Task'", wrongSeries.Message);
        var wrongClass = Assert.Throws<ArgumentException>(() => trainers.TimerPO(MLNetTinyData.Options() with { ClassColumnName = "GroundTruth" }).Fit(data));
        Assert.Contains("'GroundTruth'", wrongClass.Message);
        var wrongTruth = Assert.Throws<ArgumentException>(() => trainers.TimerPO(MLNetTinyData.Options() with { GroundTruthColumnName = "Class" })
            .GetOutputSchema(ShapeOf(data.Schema)));
        Assert.Contains("'Class'", wrongTruth.Message);
        var noTask = Assert.Throws<ArgumentException>(() => trainers.TimerPO(MLNetTinyData.Options() with { TaskColumnName = "Category" })
            .GetOutputSchema(ShapeOf(data.Schema)));
        Assert.Contains("'Category'", noTask.Message);

        // The detector needs only the series column, of the right type.
        var noSeries = ml.Data.LoadFromEnumerable(new[] { new { Values = new float[] { 1, 2 } } });
        var e1 = Assert.Throws<ArgumentException>(() => fixture.Detector.Transform(noSeries));
        Assert.Contains("'Series'", e1.Message);
        var textSeries = ml.Data.LoadFromEnumerable(new[] { new { Series = "1 2 3" } });
        var e2 = Assert.Throws<ArgumentException>(() => fixture.Detector.GetOutputSchema(textSeries.Schema));
        Assert.Contains("'Series'", e2.Message);
    }

    [Fact]
    public void InvalidRowsAndOptions_Throw_NamingTheProblem()
    {
        var ml = fixture.Ml;
        var rows = MLNetTinyData.Rows();
        rows[2].Class = "banana";
        var badClass = Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options()).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'Class', row 2", badClass.Message);
        rows = MLNetTinyData.Rows();
        rows[1].GroundTruth = [5];
        var oddPairs = Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options()).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'GroundTruth', row 1", oddPairs.Message);
        rows = MLNetTinyData.Rows();
        rows[0].Series = new float[100];
        var tooLong = Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options()).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'Series', row 0", tooLong.Message);

        var sizes = Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options() with
        {
            PlotOptions = MLNetTinyData.Plot with { Width = 64 },
        }).Fit(fixture.Data));
        Assert.Contains("64", sizes.Message);
        Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options() with { InitialCheckpoint = "x" }));
        Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options() with { IntervalsColumnName = "Reasoning" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options() with { TimerPoSteps = -1 }));
    }

    [Fact]
    public void Cancellation_StopsTheFit()
    {
        var ml = fixture.Ml;
        using var before = new CancellationTokenSource();
        before.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ml.AnomalyDetection.Trainers.TimerPO(MLNetTinyData.Options() with { CancellationToken = before.Token }).Fit(fixture.Data));

        // Cancelled after the first TimerPO step of three: the fit stops there.
        using var during = new CancellationTokenSource();
        int steps = 0;
        var options = MLNetTinyData.Options(sftSteps: 0, timerPoSteps: 3) with
        {
            CancellationToken = during.Token,
            Progress = new SyncProgress<TimerPoProgress>(_ => { steps++; during.Cancel(); }),
        };
        Assert.ThrowsAny<OperationCanceledException>(() => ml.AnomalyDetection.Trainers.TimerPO(options).Fit(fixture.Data));
        Assert.Equal(1, steps);
    }

    [Fact]
    public void InitialCheckpoint_WithNoSteps_DetectsWithThatPolicy()
    {
        string checkpoint = TempPath("timerpo-start");
        try
        {
            using (var policy = fixture.Detector.CreatePolicy()) policy.Save(checkpoint);
            var options = MLNetTinyData.Options(sftSteps: 0, timerPoSteps: 0) with { PolicyConfig = null, InitialCheckpoint = checkpoint };
            var detector = fixture.Ml.AnomalyDetection.Trainers.TimerPO(options).Fit(fixture.Data);
            AssertSame(fixture.Predictions, MLNetTinyData.Predict(fixture.Ml, detector, fixture.Data));

            // A factory gives the same; the fit disposes the model it returns.
            TinyPolicyModel? made = null;
            var fromFactory = fixture.Ml.AnomalyDetection.Trainers.TimerPO(options with
            {
                InitialCheckpoint = null,
                InitialPolicyFactory = () => made = TinyPolicyModel.Load(checkpoint),
            }).Fit(fixture.Data);
            AssertSame(fixture.Predictions, MLNetTinyData.Predict(fixture.Ml, fromFactory, fixture.Data));
            Assert.Throws<ObjectDisposedException>(() => made!.SetTrainingMode(false));
        }
        finally
        {
            if (Directory.Exists(checkpoint)) Directory.Delete(checkpoint, recursive: true);
        }
    }

    [Fact]
    public void DefaultOutputs_HaveNoResponseColumn()
    {
        var options = MLNetTinyData.Options(sftSteps: 0, timerPoSteps: 0) with { ResponseColumnName = null };
        var detector = fixture.Ml.AnomalyDetection.Trainers.TimerPO(options).Fit(fixture.Data);
        var schema = detector.GetOutputSchema(fixture.Data.Schema);
        Assert.Null(schema.GetColumnOrNull("Response"));
        Assert.NotNull(schema.GetColumnOrNull("PredictedClass"));
        Assert.Null(detector.ResponseColumnName);
    }

    private sealed class DoubleRow
    {
        public double[] Series { get; set; } = [];
        public long[] GroundTruth { get; set; } = [];
        public string Class { get; set; } = "";
        public string Task { get; set; } = "";
    }

    [Fact]
    public void DoubleSeriesAndInt64Truth_GiveTheSameDetectorAsSingleAndInt32()
    {
        var ml = fixture.Ml;
        var options = MLNetTinyData.Options(sftSteps: 1, timerPoSteps: 0);
        var rows = MLNetTinyData.Rows();
        var doubles = rows.Select(r => new DoubleRow
        {
            Series = r.Series.Select(v => (double)v).ToArray(),
            GroundTruth = r.GroundTruth.Select(v => (long)v).ToArray(),
            Class = r.Class,
            Task = r.Task,
        }).ToArray();
        var fromSingle = ml.AnomalyDetection.Trainers.TimerPO(options).Fit(fixture.Data);
        var fromDouble = ml.AnomalyDetection.Trainers.TimerPO(options).Fit(ml.Data.LoadFromEnumerable(doubles));
        var expected = MLNetTinyData.Predict(ml, fromSingle, fixture.Data);
        AssertSame(expected, MLNetTinyData.Predict(ml, fromDouble, fixture.Data));
        // A detector fitted on Single series answers Double series identically (the values are the same).
        AssertSame(expected, MLNetTinyData.Predict(ml, fromSingle, ml.Data.LoadFromEnumerable(doubles)));
    }

    private static void AssertSame(List<MLNetTinyData.Prediction> expected, List<MLNetTinyData.Prediction> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Response, actual[i].Response);
            Assert.Equal(expected[i].Reasoning, actual[i].Reasoning);
            Assert.Equal(expected[i].Intervals, actual[i].Intervals);
            Assert.Equal(expected[i].PredictedClass, actual[i].PredictedClass);
        }
    }
}
