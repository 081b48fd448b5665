using System.Text.Json;
using AnomSeer.Training.Checkpoints;

namespace AnomSeer.Training;

public sealed partial class SftTrainer
{
    /// <summary>The trainer-state file of a checkpoint folder.</summary>
    public const string StateFile = "sft-trainer.json";
    /// <summary>The policy parameters of a checkpoint folder.</summary>
    public const string PolicyFile = "policy.params";
    /// <summary>The AdamW state of a checkpoint folder.</summary>
    public const string OptimizerFile = "optimizer.bin";

    private static readonly JsonSerializerOptions StateJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// Saves everything needed to resume: the policy parameters, the AdamW state and the step count (the example order is
    /// a function of the seed and the step). The folder is written next to its target and swapped in, so a reader never
    /// sees a partial checkpoint.
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
            _optimizer.save_state_dict(Path.Combine(staging, OptimizerFile));
            var state = new SftTrainerState { StepsDone = StepsDone, Seed = _options.Seed, BatchSize = _options.BatchSize };
            File.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(state, StateJson));
        });
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> into this trainer's model and optimiser, and its step
    /// count. The trainer must have the same architecture, seed and batch size, so that the continued run equals the
    /// uninterrupted one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="SftCheckpointException">A file is missing or corrupt, or the checkpoint does not match.</exception>
    public void LoadCheckpoint(string directory)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory)) throw new SftCheckpointException(directory, "the checkpoint folder does not exist.");
        string statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath)) throw new SftCheckpointException(statePath, "the file is missing from the checkpoint.");
        SftTrainerState? state;
        try { state = JsonSerializer.Deserialize<SftTrainerState>(File.ReadAllText(statePath), StateJson); }
        catch (JsonException e) { throw new SftCheckpointException(statePath, $"invalid JSON: {e.Message}", e); }
        if (state is null || state.FormatVersion != 1 || state.StepsDone < 0)
            throw new SftCheckpointException(statePath, "unsupported or invalid trainer state.");
        if (state.Seed != _options.Seed || state.BatchSize != _options.BatchSize)
            throw new SftCheckpointException(statePath,
                $"it was written by a run with seed {state.Seed} and batch size {state.BatchSize}; this trainer has seed {_options.Seed} and batch size {_options.BatchSize}.");
        string optimizerPath = Path.Combine(directory, OptimizerFile);
        if (!File.Exists(optimizerPath)) throw new SftCheckpointException(optimizerPath, "the file is missing from the checkpoint.");
        ParameterFile.Load(_policy.TrainableParameters, Path.Combine(directory, PolicyFile),
            (file, problem, inner) => new SftCheckpointException(file, problem, inner));
        try { _optimizer.load_state_dict(optimizerPath); }
        catch (Exception e) when (e is not SftCheckpointException)
        {
            throw new SftCheckpointException(optimizerPath, $"the optimiser state could not be read: {e.Message}", e);
        }
        StepsDone = state.StepsDone;
    }
}
