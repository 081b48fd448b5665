using AnomSeer.MLNet;
using AnomSeer.OptimalTransport.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AnomSeer.OptimalTransport.Tests.CostAndMassTests;

namespace AnomSeer.OptimalTransport.Tests;

public class TimerPoAdvantageEstimatorTests
{
    private const int Dim = 16;

    public sealed class GroupRow
    {
        public float[] Rewards { get; set; } = [];
        public float[] ResponseHidden { get; set; } = [];
        public float[] ResponseTokenCounts { get; set; } = [];
        public float[] ReferenceHidden { get; set; } = [];
    }

    public sealed class ScoredRow
    {
        public double[] Advantages { get; set; } = [];
        public double[] TransportCosts { get; set; } = [];
        public double[] Similarities { get; set; } = [];
    }

    private static (GroupRow Row, HiddenStates[] Responses, HiddenStates Reference) MakeGroup(int seed, int n)
    {
        var rng = new Random(seed);
        var responses = Enumerable.Range(0, n).Select(i => RandomStates(3 + rng.Next(6), Dim, seed * 100 + i, 2f)).ToArray();
        var reference = RandomStates(9, Dim, seed * 100 + 99, 2f);
        var row = new GroupRow
        {
            Rewards = [.. Enumerable.Range(0, n).Select(_ => (float)Math.Round(rng.NextDouble(), 2))],
            ResponseHidden = [.. responses.SelectMany(r => r.Values.ToArray())],
            ResponseTokenCounts = [.. responses.Select(r => (float)r.Rows)],
            ReferenceHidden = reference.Values.ToArray(),
        };
        return (row, responses, reference);
    }

    /// <summary>ML.NET builds a SchemaShape from a schema internally; that factory is not public.</summary>
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [schema])!;

    private static ScoredRow[] Score(MLContext ml, ITransformer model, IEnumerable<GroupRow> rows) =>
        [.. ml.Data.CreateEnumerable<ScoredRow>(model.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false)];

    [Fact]
    public void Output_equals_the_plain_api_and_survives_save_and_load()
    {
        var groups = new[] { MakeGroup(1, 5), MakeGroup(2, 4), MakeGroup(3, 5) };
        var options = TimerPoAdvantageOptions.Paper with { Alpha = 0.5, Mode = AdvantageMode.NoOrthogonalization };
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(groups.Select(g => g.Row));
        var model = ml.Transforms.ComputeTimerPoAdvantages(Dim, options: options).Fit(data);
        var scored = Score(ml, model, groups.Select(g => g.Row));

        for (int g = 0; g < groups.Length; g++)
        {
            var (row, responses, reference) = groups[g];
            var expected = TimerPoAdvantage.Compute(new int[responses.Length], row.Rewards.Select(r => (double)r).ToArray(),
                responses, Enumerable.Repeat(reference, responses.Length).ToArray(), options);
            Assert.Equal(expected.Advantages, scored[g].Advantages);
            Assert.Equal(expected.TransportCosts, scored[g].TransportCosts);
            Assert.Equal(expected.Similarities, scored[g].Similarities);
        }

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var fresh = new MLContext(seed: 2).RegisterAnomSeerComponents(typeof(TimerPoAdvantageCatalog).Assembly);
        var loaded = fresh.Model.Load(stream, out _);
        var reloaded = Score(fresh, loaded, groups.Select(g => g.Row));
        for (int g = 0; g < groups.Length; g++)
            Assert.Equal(scored[g].Advantages, reloaded[g].Advantages);
    }

    [Fact]
    public void Output_schema_adds_three_vector_columns()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { MakeGroup(4, 3).Row });
        var estimator = ml.Transforms.ComputeTimerPoAdvantages(Dim);
        var shape = estimator.GetOutputSchema(ShapeOf(data.Schema));
        foreach (var name in new[] { "Advantages", "TransportCosts", "Similarities" })
        {
            var col = Assert.Single(shape, c => c.Name == name);
            Assert.Equal(NumberDataViewType.Double, col.ItemType);
        }
        Assert.DoesNotContain(shape, c => c.Name.StartsWith("__AnomSeerOt", StringComparison.Ordinal));
        var transformed = estimator.Fit(data).Transform(data).Schema;
        Assert.NotNull(transformed.GetColumnOrNull("Advantages"));
        Assert.Null(transformed.GetColumnOrNull("__AnomSeerOt_State"));
    }

    public sealed class BadRow
    {
        public float[] Rewards { get; set; } = [];
        public string ResponseHidden { get; set; } = "";
        public float[] ResponseTokenCounts { get; set; } = [];
        public float[] ReferenceHidden { get; set; } = [];
    }

    [Fact]
    public void Invalid_schema_throws_naming_the_column()
    {
        var ml = new MLContext(seed: 1);
        var bad = ml.Data.LoadFromEnumerable(new[] { new BadRow() });
        var wrongType = Assert.Throws<ArgumentException>(() => ml.Transforms.ComputeTimerPoAdvantages(Dim).Fit(bad));
        Assert.Contains("ResponseHidden", wrongType.Message);
        Assert.Throws<ArgumentException>(() => ml.Transforms.ComputeTimerPoAdvantages(Dim).GetOutputSchema(ShapeOf(bad.Schema)));

        var good = ml.Data.LoadFromEnumerable(new[] { MakeGroup(5, 3).Row });
        var missing = Assert.Throws<ArgumentException>(() => ml.Transforms.ComputeTimerPoAdvantages(Dim, new TimerPoAdvantageColumnNames { Rewards = "Nope" }).Fit(good));
        Assert.Contains("Nope", missing.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.ComputeTimerPoAdvantages(0));
    }

    [Fact]
    public void Token_counts_that_do_not_match_the_hidden_states_throw()
    {
        var ml = new MLContext(seed: 1);
        var (row, _, _) = MakeGroup(6, 3);
        row.ResponseTokenCounts[1] += 1;
        var data = ml.Data.LoadFromEnumerable(new[] { row });
        var model = ml.Transforms.ComputeTimerPoAdvantages(Dim).Fit(data);
        var ex = Assert.ThrowsAny<Exception>(() => Score(ml, model, [row]));
        var inner = ex;
        while (inner is not ArgumentException && inner.InnerException is not null) inner = inner.InnerException;
        Assert.IsType<ArgumentException>(inner);
        Assert.Contains("token counts", inner.Message);
    }
}
