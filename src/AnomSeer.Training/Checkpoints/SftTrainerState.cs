namespace AnomSeer.Training.Checkpoints;

/// <summary>The SFT trainer's own state in <c>sft-trainer.json</c>.</summary>
internal sealed record SftTrainerState
{
    public int FormatVersion { get; init; } = 1;
    public long StepsDone { get; init; }
    public int Seed { get; init; }
    public int BatchSize { get; init; }
}
