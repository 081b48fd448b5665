using AnomSeer.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Core.Tests;

public class FittedStateTests
{
    private sealed class Row
    {
        public float X { get; set; }
    }

    private sealed class Out
    {
        public float X { get; set; }

        [VectorType(3)]
        public double[] State { get; set; } = [];
    }

    [Fact]
    public void State_column_is_appended_and_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { X = 1 }, new Row { X = 2 } });
        var model = ml.AppendStateColumn("State", [0.5, -2, 1e300]).Fit(data);

        var col = model.GetOutputSchema(data.Schema)["State"];
        Assert.Equal(3, ((VectorDataViewType)col.Type).Size);
        Assert.Null(model.GetOutputSchema(data.Schema).GetColumnOrNull(ConstantKeyMapping.KeyColumn));

        var before = ml.Data.CreateEnumerable<Out>(model.Transform(data), reuseRowObject: false).ToList();
        Assert.All(before, r => Assert.Equal([0.5, -2, 1e300], r.State));

        string path = Path.Combine(Path.GetTempPath(), $"anomseer-state-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var ml2 = new MLContext(seed: 2).RegisterAnomSeerComponents();
            var loaded = ml2.Model.Load(path, out _);
            var after = ml2.Data.CreateEnumerable<Out>(loaded.Transform(data), reuseRowObject: false).ToList();
            Assert.Equal(before.Select(r => r.X), after.Select(r => r.X));
            Assert.All(after, r => Assert.Equal([0.5, -2, 1e300], r.State));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        var ml = new MLContext();
        Assert.Throws<ArgumentException>(() => ml.AppendStateColumn("S", []));
        Assert.Throws<ArgumentException>(() => ml.AppendStateColumn(" ", [1]));
        Assert.Throws<ArgumentNullException>(() => ml.AppendStateColumn("S", null!));
    }
}
