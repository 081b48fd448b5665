using System.ComponentModel;
using AnomSeer.ExpCoT.Detection;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.ExpCoT.MLNet;

/// <summary>
/// The stateless mapping that runs the <see cref="ExpertDetector"/> on a row's series with the options read from the
/// state column; found again by its contract name when a saved model is loaded. Infrastructure; use
/// <see cref="ExpCotCatalog.DetectAnomaliesWithExpert"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ExpertDetectionMapping : CustomMappingFactory<ExpertDetectionMapping.Input, ExpertDetectionMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.ExpCoT.ExpertDetector.v1";

    /// <summary>Maps one row.</summary>
    public static void Map(Input input, Output output)
    {
        var detector = StateCache<ExpertDetector>.Get(input.State, s => new ExpertDetector(OptionsState.DecodeDetector(s)));
        var d = detector.Detect(input.Series);
        output.Reasoning = d.Reasoning;
        output.Class = d.Class.ToCanonicalName();
        output.Intervals = IntervalEncoding.Flatten(d.Intervals);
    }

    /// <inheritdoc />
    public override Action<Input, Output> GetMapping() => Map;

    /// <summary>Row read by the mapping.</summary>
    public sealed class Input
    {
        /// <summary>The series.</summary>
        [ColumnName(MappingColumns.Series)]
        public double[] Series { get; set; } = [];

        /// <summary>The encoded options.</summary>
        [ColumnName(MappingColumns.DetectorState)]
        public double[] State { get; set; } = [];
    }

    /// <summary>Columns written by the mapping.</summary>
    public sealed class Output
    {
        /// <summary>The reasoning trace.</summary>
        [ColumnName(MappingColumns.Reasoning)]
        public string Reasoning { get; set; } = "";

        /// <summary>The class name.</summary>
        [ColumnName(MappingColumns.DetectedClass)]
        public string Class { get; set; } = "";

        /// <summary>The intervals, flattened.</summary>
        [ColumnName(MappingColumns.DetectedIntervals)]
        public int[] Intervals { get; set; } = [];
    }
}
