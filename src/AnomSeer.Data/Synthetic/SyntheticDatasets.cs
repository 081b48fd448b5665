using AnomSeer.Data.Samples;

namespace AnomSeer.Data.Synthetic;

/// <summary>
/// Builds whole synthetic splits as <see cref="TsadSample"/> sequences, task by task, lazily.
/// Sample ids are <c>{suite}-{split}-{task}-{index:D4}</c>, e.g. <c>anomllm-train-noisy-freq-0007</c>.
/// </summary>
public static class SyntheticDatasets
{
    /// <summary>The suite's name: <c>anomllm</c> or <c>vta</c>.</summary>
    public static string ToName(this SyntheticSuite suite) => suite switch
    {
        SyntheticSuite.AnomLlm => "anomllm",
        SyntheticSuite.Vta => "vta",
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not a defined SyntheticSuite."),
    };

    /// <summary>The split's name: <c>train</c> or <c>eval</c>.</summary>
    public static string ToName(this DatasetSplit split) => split switch
    {
        DatasetSplit.Train => "train",
        DatasetSplit.Eval => "eval",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Not a defined DatasetSplit."),
    };

    /// <summary>
    /// The paper's seed for a suite and split: AnomLLM train 3407, eval 42 (spec c.1); VTA 0 for both (spec c.2;
    /// the splits differ because the split is part of every random stream's key).
    /// </summary>
    public static ulong DefaultSeed(SyntheticSuite suite, DatasetSplit split) => suite switch
    {
        SyntheticSuite.AnomLlm => split == DatasetSplit.Train ? AnomLlmSuiteOptions.Defaults.TrainSeed : AnomLlmSuiteOptions.Defaults.EvalSeed,
        SyntheticSuite.Vta => VtaSuiteOptions.Defaults.Seed,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not a defined SyntheticSuite."),
    };

    /// <summary>The paper's number of series per task: 400 for AnomLLM, 100 for VTA.</summary>
    public static int DefaultCountPerTask(SyntheticSuite suite) => suite switch
    {
        SyntheticSuite.AnomLlm => AnomLlmSuiteOptions.Defaults.SeriesPerTask,
        SyntheticSuite.Vta => VtaSuiteOptions.Defaults.SeriesPerType,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not a defined SyntheticSuite."),
    };

    /// <summary>The random-stream seed actually used for a (seed, split): the split is mixed in so that equal seeds give different splits.</summary>
    internal static ulong StreamSeed(ulong seed, DatasetSplit split) =>
        split == DatasetSplit.Train ? seed : Random.SplitMix64.Mix(seed ^ 0x4556414C5F535054UL); // "EVAL_SPT"

    /// <summary>
    /// The AnomLLM-style split: <paramref name="countPerTask"/> series of each task in <paramref name="tasks"/>
    /// (default: all eight, in spec order). Series i of a task is <c>generator.Generate(task, streamSeed, i)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="countPerTask"/> is negative.</exception>
    public static IEnumerable<TsadSample> AnomLlm(DatasetSplit split, int countPerTask, ulong seed,
        AnomLlmSuiteOptions? options = null, IReadOnlyList<AnomLlmTask>? tasks = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(countPerTask);
        string splitName = split.ToName();
        var generator = new AnomLlmGenerator(options);
        var list = tasks ?? AnomLlmTaskNames.All;
        ulong streamSeed = StreamSeed(seed, split);
        return Iterate();

        IEnumerable<TsadSample> Iterate()
        {
            foreach (var task in list)
            {
                string name = task.ToName();
                for (int i = 0; i < countPerTask; i++)
                {
                    var s = generator.Generate(task, streamSeed, i);
                    yield return new TsadSample($"anomllm-{splitName}-{name}-{i:D4}", "anomllm", name, splitName, s.Class, s.Values, s.Intervals);
                }
            }
        }
    }

    /// <summary>
    /// The VTA-style split: <paramref name="countPerType"/> series of each type in <paramref name="types"/>
    /// (default: all five). Series i of a type is <c>generator.Generate(type, streamSeed, i)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="countPerType"/> is negative.</exception>
    public static IEnumerable<TsadSample> Vta(DatasetSplit split, int countPerType, ulong seed,
        VtaSuiteOptions? options = null, IReadOnlyList<VtaType>? types = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(countPerType);
        string splitName = split.ToName();
        var generator = new VtaGenerator(options);
        var list = types ?? VtaTypeNames.All;
        ulong streamSeed = StreamSeed(seed, split);
        return Iterate();

        IEnumerable<TsadSample> Iterate()
        {
            foreach (var type in list)
            {
                string name = type.ToName();
                for (int i = 0; i < countPerType; i++)
                {
                    var s = generator.Generate(type, streamSeed, i);
                    yield return new TsadSample($"vta-{splitName}-{name}-{i:D4}", "vta", name, splitName, s.Class, s.Values, s.Intervals);
                }
            }
        }
    }

    /// <summary>Either suite, by enum: see <see cref="AnomLlm"/> and <see cref="Vta"/> (default options, all tasks).</summary>
    public static IEnumerable<TsadSample> Generate(SyntheticSuite suite, DatasetSplit split, int countPerTask, ulong seed) => suite switch
    {
        SyntheticSuite.AnomLlm => AnomLlm(split, countPerTask, seed),
        SyntheticSuite.Vta => Vta(split, countPerTask, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Not a defined SyntheticSuite."),
    };
}
