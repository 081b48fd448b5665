using System.ComponentModel;
using AnomSeer.ExpCoT.Experts;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.ExpCoT.MLNet;

/// <summary>
/// The stateless mapping that writes a row's ExpCoT from its series, ground truth, class and task, with the options
/// read from the state column; found again by its contract name when a saved model is loaded. Infrastructure; use
/// <see cref="ExpCotCatalog.GenerateExpCot"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ExpCotMapping : CustomMappingFactory<ExpCotMapping.Input, ExpCotMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.ExpCoT.Generate.v1";

    /// <summary>Maps one row.</summary>
    /// <exception cref="FormatException">The ground-truth pairs or the class name are invalid.</exception>
    public static void Map(Input input, Output output)
    {
        var generator = StateCache<ExpCotGenerator>.Get(input.State, s => new ExpCotGenerator(OptionsState.DecodeExpCot(s)));
        var gt = IntervalEncoding.Unflatten(input.GroundTruth, "ground truth");
        var cls = AnomalyClassNames.Parse(input.Class ?? string.Empty);
        var trace = generator.Generate(input.Series, gt, cls, input.Task);
        output.Text = trace.Text;
        output.Expert = trace.Expert.ToAnomalyClassName();
        output.Intervals = IntervalEncoding.Flatten(trace.DetectedIntervals);
    }

    /// <inheritdoc />
    public override Action<Input, Output> GetMapping() => Map;

    /// <summary>Row read by the mapping.</summary>
    public sealed class Input
    {
        /// <summary>The series.</summary>
        [ColumnName(MappingColumns.Series)]
        public double[] Series { get; set; } = [];

        /// <summary>Flattened ground-truth pairs.</summary>
        [ColumnName(MappingColumns.GroundTruth)]
        public double[] GroundTruth { get; set; } = [];

        /// <summary>Ground-truth class name.</summary>
        [ColumnName(MappingColumns.Class)]
        public string? Class { get; set; }

        /// <summary>Task name.</summary>
        [ColumnName(MappingColumns.Task)]
        public string? Task { get; set; }

        /// <summary>The encoded options.</summary>
        [ColumnName(MappingColumns.State)]
        public double[] State { get; set; } = [];
    }

    /// <summary>Columns written by the mapping.</summary>
    public sealed class Output
    {
        /// <summary>The ExpCoT text.</summary>
        [ColumnName(MappingColumns.Text)]
        public string Text { get; set; } = "";

        /// <summary>The class the chosen expert stands for ("normal" when none ran).</summary>
        [ColumnName(MappingColumns.Expert)]
        public string Expert { get; set; } = "";

        /// <summary>The expert's intervals, flattened.</summary>
        [ColumnName(MappingColumns.Intervals)]
        public int[] Intervals { get; set; } = [];
    }
}
