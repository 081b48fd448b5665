using System.ComponentModel;
using AnomSeer.ExpCoT.MLNet;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.Training.MLNet;

/// <summary>
/// The stateless mapping that answers a row with the policy decoded from the state column (one decoded policy per
/// thread); found again by its contract name when a saved model is loaded. Infrastructure; use
/// <see cref="TimerPoDetector"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class TimerPoDetectionMapping : CustomMappingFactory<TimerPoDetectionMapping.Input, TimerPoDetectionMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.Training.TimerPoDetector.v1";

    /// <summary>Maps one row: renders the series, samples one response and parses it.</summary>
    /// <exception cref="ArgumentException">The series does not fit the policy (too long, empty, an infinite value).</exception>
    /// <exception cref="InvalidDataException">The state is damaged or of another version.</exception>
    public static void Map(Input input, Output output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var runtime = DetectorStateCache.Get(input.State);
        var (response, answer) = runtime.Detect(input.Series);
        output.Reasoning = answer.Reasoning ?? "";
        output.Intervals = answer.Intervals is null ? [] : IntervalEncoding.Flatten(answer.Intervals);
        output.Class = answer.Class?.ToCanonicalName() ?? "";
        output.Response = response;
    }

    /// <inheritdoc />
    public override Action<Input, Output> GetMapping() => Map;

    /// <summary>Row read by the mapping.</summary>
    public sealed class Input
    {
        /// <summary>The series.</summary>
        [ColumnName(DetectorMappingColumns.Series)]
        public double[] Series { get; set; } = [];

        /// <summary>The packed detector (settings and policy checkpoint).</summary>
        [ColumnName(DetectorMappingColumns.State)]
        public double[] State { get; set; } = [];
    }

    /// <summary>Columns written by the mapping.</summary>
    public sealed class Output
    {
        /// <summary>The reasoning.</summary>
        [ColumnName(DetectorMappingColumns.Reasoning)]
        public string Reasoning { get; set; } = "";

        /// <summary>The intervals, flattened.</summary>
        [ColumnName(DetectorMappingColumns.Intervals)]
        public int[] Intervals { get; set; } = [];

        /// <summary>The class name.</summary>
        [ColumnName(DetectorMappingColumns.Class)]
        public string Class { get; set; } = "";

        /// <summary>The raw response.</summary>
        [ColumnName(DetectorMappingColumns.Response)]
        public string Response { get; set; } = "";
    }
}
