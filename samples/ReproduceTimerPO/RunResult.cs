namespace ReproduceTimerPO;

/// <summary>Scores of one evaluation: per family (AnomLLM: Frequency/Trend/Range/Point; VTA: the types) in %.</summary>
public sealed record Scores(int Count, double FormatRate, double ClassAccuracy, Dictionary<string, double> AffiliationF1,
    Dictionary<string, double> PointwiseF1);

/// <summary>The outcome of one ablation configuration.</summary>
public sealed record RunResult(string Mode, int Seed, int Steps, int PromptsPerStep, double TrainMinutes, double TotalMinutes,
    double RewardFirst5, double RewardLast5, Scores AnomLlm, Scores Vta);
