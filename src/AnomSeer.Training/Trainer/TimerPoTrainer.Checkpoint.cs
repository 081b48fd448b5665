using System.Text.Json;
using System.Text.Json.Serialization;
using AnomSeer.Training.Checkpoints;

namespace AnomSeer.Training;

public sealed partial class TimerPoTrainer
{
    /// <summary>The trainer-state file of a checkpoint folder.</summary>
    public const string StateFile = "trainer.json";
    /// <summary>The policy parameters of a checkpoint folder.</summary>
    public const string PolicyFile = "policy.params";
    /// <summary>The reference-policy parameters of a checkpoint folder.</summary>
    public const string ReferenceFile = "reference.params";
    /// <summary>The AdamW state of a checkpoint folder.</summary>
    public const string OptimizerFile = "optimizer.bin";

    private static readonly JsonSerializerOptions StateJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Saves everything needed to resume: the policy and reference parameters, the AdamW state and the step count. The
    /// folder is written next to its target and swapped in, so a reader never sees a partial checkpoint. (The sampling
    /// and prompt-order randomness is a function of the seed and the step, so the step count is the RNG state.)
    /// </summary>
    /// <param name="directory">The checkpoint folder; created, or replaced as a whole.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    public void SaveCheckpoint(string directory)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(directory);
        AnomSeer.IO.AtomicFolder.Write(directory, staging =>
        {
            ParameterFile.Save(_policy.TrainableParameters, Path.Combine(staging, PolicyFile));
            ParameterFile.Save(_reference.TrainableParameters, Path.Combine(staging, ReferenceFile));
            _optimizer.save_state_dict(Path.Combine(staging, OptimizerFile));
            var state = new TrainerState
            {
                StepsDone = StepsDone,
                Seed = _options.Seed,
                Mode = _options.Mode,
                PromptsPerStep = _options.PromptsPerStep,
                ResponsesPerPrompt = _options.ResponsesPerPrompt,
            };
            File.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(state, StateJson));
        });
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> into this trainer's models and optimiser, and its step
    /// count. The trainer must have been created with the same architecture and the same seed, mode and batch shape, so
    /// that the continued run equals the uninterrupted one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="TimerPoCheckpointException">A file is missing or corrupt, or the checkpoint does not match.</exception>
    public void LoadCheckpoint(string directory)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory)) throw new TimerPoCheckpointException(directory, "the checkpoint folder does not exist.");
        string statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath)) throw new TimerPoCheckpointException(statePath, "the file is missing from the checkpoint.");
        TrainerState? state;
        try { state = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(statePath), StateJson); }
        catch (JsonException e) { throw new TimerPoCheckpointException(statePath, $"invalid JSON: {e.Message}", e); }
        if (state is null || state.FormatVersion != 1 || state.StepsDone < 0)
            throw new TimerPoCheckpointException(statePath, "unsupported or invalid trainer state.");
        if (state.Seed != _options.Seed || state.Mode != _options.Mode || state.PromptsPerStep != _options.PromptsPerStep
            || state.ResponsesPerPrompt != _options.ResponsesPerPrompt)
            throw new TimerPoCheckpointException(statePath,
                $"it was written by a run with seed {state.Seed}, mode {state.Mode}, {state.PromptsPerStep} prompts × {state.ResponsesPerPrompt} responses per step; this trainer has seed {_options.Seed}, mode {_options.Mode}, {_options.PromptsPerStep} × {_options.ResponsesPerPrompt}.");
        string optimizerPath = Path.Combine(directory, OptimizerFile);
        if (!File.Exists(optimizerPath)) throw new TimerPoCheckpointException(optimizerPath, "the file is missing from the checkpoint.");
        ParameterFile.Load(_policy.TrainableParameters, Path.Combine(directory, PolicyFile));
        ParameterFile.Load(_reference.TrainableParameters, Path.Combine(directory, ReferenceFile));
        try { _optimizer.load_state_dict(optimizerPath); }
        catch (Exception e) when (e is not TimerPoCheckpointException)
        {
            throw new TimerPoCheckpointException(optimizerPath, $"the optimiser state could not be read: {e.Message}", e);
        }
        StepsDone = state.StepsDone;
    }
}
