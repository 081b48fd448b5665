using System.Text.Json;
using System.Text.Json.Serialization;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT;
using AnomSeer.IO;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training;

namespace AnomSeer.Cli.Commands;

/// <summary>What <c>train sft</c> and <c>train timerpo</c> share: the training examples, the architecture file, and the
/// checkpoint folder (the policy files of <see cref="PolicyCheckpoint"/> at its root, the trainer state in a sub-folder).</summary>
internal static class TrainingInputs
{
    /// <summary>The sub-folder of an output folder holding the SFT trainer state (resume).</summary>
    public const string SftStateFolder = "sft-trainer";

    /// <summary>The sub-folder of an output folder holding the TimerPO trainer state (resume).</summary>
    public const string TimerPoStateFolder = "timerpo-trainer";

    /// <summary>The <c>--modality</c> values.</summary>
    public static readonly string[] Modalities = ["image", "image-and-series"];

    /// <summary>The <c>--modality</c> value as an <see cref="InputModality"/>; null when not given.</summary>
    public static InputModality? Modality(string? text) => text switch
    {
        null => null,
        "image" => InputModality.Image,
        "image-and-series" => InputModality.ImageAndSeries,
        _ => throw new CliUsageException($"--modality must be one of {string.Join(", ", Modalities)} (got '{text}')."),
    };

    /// <summary>The option name of a modality.</summary>
    public static string Name(InputModality modality) => modality == InputModality.Image ? "image" : "image-and-series";

    /// <summary>
    /// Reads an architecture file: the JSON of <c>config.json</c> (snake_case keys, e.g. <c>model_dim</c>), any key left out
    /// keeping its default; <c>vocab_size</c> may be left out (the tokenizer's size is used). Unknown keys are errors.
    /// </summary>
    public static TinyPolicyConfig ReadConfig(FileInfo file)
    {
        CommandInputs.RequireFile(file, "config file");
        try
        {
            return JsonSerializer.Deserialize<TinyPolicyConfig>(File.ReadAllText(file.FullName), ConfigJson)
                ?? throw new InvalidOperationException($"{file.FullName}: the configuration is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{file.FullName}: not a valid AnomSeer-Tiny configuration: {e.Message}", e);
        }
    }

    /// <summary>
    /// Builds the training examples of <paramref name="countPerTask"/> AnomLLM-style series of each of the 8 tasks (train
    /// split, the paper's seed): the plot at the model's image size (y fixed to (−1, 1), as the AnomLLM figures are), the
    /// series, the ground truth and the ExpCoT.
    /// </summary>
    public static TimerPoExample[] Examples(TinyPolicyConfig config, int countPerTask, Action tick, CancellationToken ct)
    {
        var renderer = new TimeSeriesPlotRenderer(new PlotOptions { Width = config.ImageWidth, Height = config.ImageHeight, YAxisMode = YAxisMode.Fixed });
        var factory = new TimerPoExampleFactory(renderer, new ExpCotGenerator(),
            config.ImageChannels == 1 ? TensorColorMode.Grayscale : TensorColorMode.Rgb);
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Train, countPerTask,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train)).ToArray();
        var examples = new TimerPoExample[samples.Length];
        var gate = new object();
        Parallel.For(0, samples.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            examples[i] = factory.Create(samples[i], ct);
            lock (gate) tick();
        });
        return examples;
    }

    /// <summary>Loads a policy folder; "model folder not found" when it does not exist.</summary>
    public static TinyPolicyModel LoadPolicy(DirectoryInfo folder)
    {
        if (!Directory.Exists(folder.FullName)) throw new DirectoryNotFoundException($"model folder not found: {folder.FullName}");
        return TinyPolicyModel.Load(folder.FullName);
    }

    /// <summary>
    /// Writes the checkpoint folder atomically: the policy (config.json, model.safetensors, tokenizer.json,
    /// training-card.md) at its root, and the trainer state in <paramref name="stateFolder"/>, all in one staging folder
    /// that is swapped in at the end.
    /// </summary>
    public static void SaveCheckpoint(string directory, TinyPolicyModel policy, string trainingCard, string stateFolder, Action<string> saveTrainerState)
    {
        AtomicFolder.Write(directory, staging =>
        {
            PolicyCheckpoint.Save(policy, staging, trainingCard);
            saveTrainerState(Path.Combine(staging, stateFolder));
        });
    }

    // The layout of config.json (TinyPolicyConfig.ToJson), without its validation: vocab_size may be absent here.
    private static readonly JsonSerializerOptions ConfigJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
