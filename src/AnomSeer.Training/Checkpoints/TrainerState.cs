namespace AnomSeer.Training.Checkpoints;

/// <summary>The trainer's own state in <c>trainer.json</c>.</summary>
internal sealed record TrainerState
{
    public int FormatVersion { get; init; } = 1;
    public long StepsDone { get; init; }
    public int Seed { get; init; }
    public TimerPoMode Mode { get; init; }
    public int PromptsPerStep { get; init; }
    public int ResponsesPerPrompt { get; init; }
}
