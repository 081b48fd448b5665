using AnomSeer.Data.Samples;
using AnomSeer.ExpCoT.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Training.MLNet;

/// <summary>Reads the training rows (series, ground-truth intervals, class, task) of an <see cref="IDataView"/> into
/// <see cref="TsadSample"/>s; every error names the column and the row.</summary>
internal static class TrainingRowReader
{
    internal const string Suite = "mlnet";
    internal const string UnnamedTask = "unspecified";

    /// <exception cref="ArgumentException">A value is invalid (bad interval pairs, unknown class, non-finite series
    /// value, empty series); the message names the column and the row.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    internal static List<TsadSample> Read(IDataView data, TimerPoDetectorOptions o, CancellationToken cancellationToken)
    {
        var schema = data.Schema;
        var columns = new[] { o.SeriesColumnName, o.GroundTruthColumnName, o.ClassColumnName, o.TaskColumnName }
            .Distinct(StringComparer.Ordinal).Select(n => schema[n]).ToArray();
        var samples = new List<TsadSample>();
        using var cursor = data.GetRowCursor(columns);
        var series = VectorGetter(cursor, schema[o.SeriesColumnName]);
        var truth = VectorGetter(cursor, schema[o.GroundTruthColumnName]);
        var cls = cursor.GetGetter<ReadOnlyMemory<char>>(schema[o.ClassColumnName]);
        var task = cursor.GetGetter<ReadOnlyMemory<char>>(schema[o.TaskColumnName]);
        ReadOnlyMemory<char> text = default;
        long row = -1;
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            var values = series();
            if (values.Length == 0)
                throw Bad(o.SeriesColumnName, row, "the series is empty");
            for (int i = 0; i < values.Length; i++)
                if (!double.IsFinite(values[i]))
                    throw Bad(o.SeriesColumnName, row, $"the value at index {i} is {values[i]}; values must be finite");
            AnomalyInterval[] intervals;
            try { intervals = IntervalEncoding.Unflatten(truth(), o.GroundTruthColumnName); }
            catch (FormatException e) { throw Bad(o.GroundTruthColumnName, row, e.Message, e); }
            foreach (var iv in intervals)
                if (iv.End > values.Length)
                    throw Bad(o.GroundTruthColumnName, row, $"interval {iv} ends after the series end ({values.Length})");
            cls(ref text);
            string className = text.ToString();
            AnomalyClass? @class = null;
            if (!string.IsNullOrWhiteSpace(className))
            {
                if (!AnomalyClassNames.TryParse(className, out var parsed))
                    throw Bad(o.ClassColumnName, row, $"'{className}' is not an anomaly class");
                @class = parsed;
            }
            task(ref text);
            string taskName = text.ToString();
            samples.Add(new TsadSample($"row-{row}", Suite, string.IsNullOrWhiteSpace(taskName) ? UnnamedTask : taskName.Trim(),
                "train", @class, values, intervals));
        }
        if (samples.Count == 0) throw new ArgumentException("The training data has no rows.", "input");
        return samples;
    }

    private static ArgumentException Bad(string column, long row, string what, Exception? inner = null) =>
        new($"Input column '{column}', row {row}: {what}.", "input", inner);

    private static Func<double[]> VectorGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var item = ((VectorDataViewType)column.Type).ItemType;
        if (item == NumberDataViewType.Single) return Dense<float>(cursor, column, v => v);
        if (item == NumberDataViewType.Double) return Dense<double>(cursor, column, v => v);
        if (item == NumberDataViewType.Int32) return Dense<int>(cursor, column, v => v);
        if (item == NumberDataViewType.Int64) return Dense<long>(cursor, column, v => v);
        throw new ArgumentException($"Input column '{column.Name}' has the unsupported item type {item}.", "input");
    }

    private static Func<double[]> Dense<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, double> convert)
    {
        var getter = cursor.GetGetter<VBuffer<T>>(column);
        VBuffer<T> buffer = default;
        return () =>
        {
            getter(ref buffer);
            return buffer.DenseValues().Select(convert).ToArray();
        };
    }
}
