using AnomSeer.Policy.QwenVL.Checkpoints;
using AnomSeer.Policy.QwenVL.Configuration;
using AnomSeer.Policy.QwenVL.Lora;
using AnomSeer.Policy.QwenVL.Modeling;
using AnomSeer.Policy.QwenVL.Processing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL;

/// <summary>
/// Qwen2.5-VL (3B/7B-Instruct, or any configuration of the architecture) as an AnomSeer <see cref="IPolicyModel"/>:
/// the plot goes through the Qwen image processor, the AnomSeer prompt through the chat template, and responses are
/// sampled, scored and embedded by the TorchSharp port. Train it with LoRA (<see cref="EnableLora"/>) and use
/// <see cref="AsFrozenReference"/> as the TimerPO reference policy (the same weights with the adapters off).
/// </summary>
/// <remarks>Not thread-safe. Each prompt of <see cref="Sample"/> is prefilled once and its KV cache repeated for its
/// responses; <see cref="ScoreResponses"/> runs one right-padded batch (padding never changes a result under the
/// causal mask).</remarks>
public sealed partial class QwenVLPolicy : IPolicyModel
{
    private readonly QwenVLNetwork _network;
    private readonly bool _ownsNetwork;
    private readonly bool _useAdapters;
    private readonly int _imEnd;
    private readonly HashSet<int> _stopIds;
    private bool _disposed;

    private QwenVLPolicy(QwenVLNetwork network, bool ownsNetwork, bool useAdapters, QwenTokenizer tokenizer,
        QwenVLGenerationConfig generation, QwenVLPolicyOptions options, QwenImageProcessorOptions processorOptions)
    {
        options.Validate();
        _network = network;
        _ownsNetwork = ownsNetwork;
        _useAdapters = useAdapters;
        Tokenizer = tokenizer;
        Generation = generation;
        Options = options;
        Processor = new QwenImageProcessor(processorOptions);
        if (processorOptions.PatchSize != Config.Vision.PatchSize || processorOptions.MergeSize != Config.Vision.SpatialMergeSize
            || processorOptions.TemporalPatchSize != Config.Vision.TemporalPatchSize)
            throw new ArgumentException("The image processor's patch, merge and temporal sizes must match the vision configuration.", nameof(processorOptions));
        _imEnd = tokenizer.TokenId("<|im_end|>");
        _stopIds = [_imEnd, .. generation.EosTokenIds];
    }

    /// <summary>The architecture.</summary>
    public QwenVLConfig Config => _network.Config;

    /// <summary>The tokenizer.</summary>
    public QwenTokenizer Tokenizer { get; }

    /// <summary>The image processor.</summary>
    public QwenImageProcessor Processor { get; }

    /// <summary>The checkpoint's generation configuration (its end-of-sequence ids are honoured).</summary>
    public QwenVLGenerationConfig Generation { get; }

    /// <summary>The policy settings.</summary>
    public QwenVLPolicyOptions Options { get; }

    /// <summary>The LoRA settings, or null when no adapters are attached.</summary>
    public QwenVLLoraOptions? Lora { get; private set; }

    /// <inheritdoc/>
    public InputModality Modality => InputModality.Image;

    /// <inheritdoc/>
    public int HiddenSize => Config.Text.HiddenSize;

    /// <summary><c>&lt;|im_end|&gt;</c>: the token that ends an assistant turn.</summary>
    public int EndOfSequenceId => _imEnd;

    /// <summary>The trainable parameters: the LoRA adapters when attached, otherwise every parameter (full
    /// fine-tuning); none for a <see cref="AsFrozenReference"/> view.</summary>
    public IReadOnlyList<Parameter> TrainableParameters =>
        !_useAdapters ? [] : Lora is not null
            ? [.. _network.named_parameters().Where(p => p.name.Contains(".lora_", StringComparison.Ordinal)).Select(p => p.parameter)]
            : [.. _network.parameters()];

    /// <summary>Named parameters (checkpoint names; adapters as <c>….lora_A.weight</c> / <c>….lora_B.weight</c>).</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> NamedParameters =>
        [.. _network.named_parameters().Select(p => (p.name, p.parameter))];

    internal QwenVLNetwork Network => _network;

    /// <summary>
    /// Loads a checkpoint folder as published (e.g. <c>Qwen/Qwen2.5-VL-3B-Instruct</c>): <c>config.json</c>,
    /// <c>generation_config.json</c> and <c>preprocessor_config.json</c> (optional), the tokenizer files, and the
    /// safetensors shards through <c>model.safetensors.index.json</c>.
    /// </summary>
    /// <param name="folder">The checkpoint folder.</param>
    /// <param name="dtype">The weight and activation dtype (bfloat16 as stored; float32 for exactness on CPU).</param>
    /// <param name="device">The device; CPU when null.</param>
    /// <param name="options">Policy settings; defaults when null.</param>
    /// <param name="cancellationToken">Checked between shards.</param>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="AnomSeer.Policy.Checkpoints.PolicyCheckpointException">A weight file is missing, truncated, or
    /// does not match the configuration (the message names the tensor).</exception>
    /// <exception cref="InvalidDataException">A configuration or tokenizer file is malformed.</exception>
    public static QwenVLPolicy FromPretrained(string folder, ScalarType dtype = ScalarType.BFloat16, Device? device = null,
        QwenVLPolicyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The checkpoint folder '{folder}' does not exist.");
        options ??= new QwenVLPolicyOptions();
        var config = QwenVLConfigReader.Load(Path.Combine(folder, "config.json"));
        string genPath = Path.Combine(folder, "generation_config.json");
        var generation = File.Exists(genPath) ? QwenVLGenerationConfig.Parse(File.ReadAllText(genPath)) : new QwenVLGenerationConfig();
        string prePath = Path.Combine(folder, "preprocessor_config.json");
        var processor = options.ImageProcessor
            ?? (File.Exists(prePath) ? QwenImageProcessorOptions.FromPreprocessorConfig(File.ReadAllText(prePath)) : new QwenImageProcessorOptions());
        var tokenizer = QwenTokenizer.FromFolder(folder);
        var network = ModuleInit.WithoutInit(() => new QwenVLNetwork(config, dtype, device ?? CPU));
        try
        {
            QwenVLWeights.Load(network, folder, cancellationToken);
            network.eval();
            return new QwenVLPolicy(network, true, true, tokenizer, generation, options, processor);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A model with seeded random weights (normal(0, 0.02), norms at 1), for tests and experiments with small
    /// configurations. The global torch generator is seeded for the initialisation and restored afterwards.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The configuration is inconsistent.</exception>
    public static QwenVLPolicy CreateRandom(QwenVLConfig config, QwenTokenizer tokenizer, QwenImageProcessorOptions processor,
        int seed = 0, QwenVLPolicyOptions? options = null, ScalarType dtype = ScalarType.Float32, Device? device = null,
        QwenVLGenerationConfig? generation = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(processor);
        QwenVLNetwork network;
        lock (ModuleInit.GlobalGeneratorLock)
        {
            using var saved = torch.random.get_rng_state();
            torch.random.manual_seed(seed);
            network = new QwenVLNetwork(config, dtype, device ?? CPU);
            torch.random.set_rng_state(saved);
        }
        network.eval();
        generation ??= new QwenVLGenerationConfig { EosTokenIds = [tokenizer.TokenId("<|im_end|>")], PadTokenId = tokenizer.TokenId("<|im_end|>") };
        return new QwenVLPolicy(network, true, true, tokenizer, generation, options ?? new QwenVLPolicyOptions(), processor);
    }

    /// <summary>
    /// The frozen reference policy of TimerPO's KL term without a second copy of the weights: a view over the same
    /// network with the LoRA adapters switched off (the base model; equal to the initial policy when the adapters
    /// start at zero). It has no trainable parameters; disposing it leaves this policy intact.
    /// </summary>
    public QwenVLPolicy AsFrozenReference()
    {
        ThrowIfDisposed();
        return new QwenVLPolicy(_network, false, false, Tokenizer, Generation, Options, Processor.Options) { Lora = Lora };
    }

    /// <inheritdoc/>
    public void SetTrainingMode(bool training)
    {
        ThrowIfDisposed();
        _network.train(training);
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> EncodeResponse(PolicyInput input, string responseText, bool appendEndOfSequence = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ids = new List<int>(Tokenizer.Encode(responseText ?? ""));
        if (appendEndOfSequence) ids.Add(_imEnd);
        return ids;
    }

    /// <inheritdoc/>
    public string DecodeResponse(PolicyInput input, IReadOnlyList<int> tokenIds)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (tokenIds is null) return "";
        return Tokenizer.Decode(tokenIds.Where(i => i >= 0 && i < Tokenizer.VocabularySize), skipSpecialTokens: true);
    }

    /// <summary>The chat-templated, image-expanded prompt of <paramref name="input"/> and its image's patch rows.</summary>
    internal PreparedPrompt Prepare(PolicyInput input, string argumentName)
    {
        if (input is null) throw new ArgumentException("An input is null.", argumentName);
        var processed = Processor.Process(input.Image);
        var messages = new List<ChatMessage>();
        if (Options.SystemPrompt is not null) messages.Add(ChatMessage.FromText("system", Options.SystemPrompt));
        messages.Add(new ChatMessage("user", [ChatContent.Image, new ChatContent(input.Prompt)]));
        string text = QwenChatTemplate.ExpandImagePads(QwenChatTemplate.Render(messages), [processed.Grid.Tokens(Config.Vision.SpatialMergeSize)]);
        return new PreparedPrompt(Tokenizer.Encode(text), processed.PixelValues, processed.Grid);
    }

    /// <summary>Switches every adapter on or off as this view needs it, for the duration of one call.</summary>
    private void ApplyAdapterMode()
    {
        foreach (var p in _network.DecoderProjections) p.AdapterEnabled = _useAdapters;
    }

    private Device ModelDevice => _network.Model.EmbedTokens.Weight.device;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Disposes the network (a <see cref="AsFrozenReference"/> view disposes nothing).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_ownsNetwork) _network.Dispose();
    }
}
