using System.Text;
using AnomSeer.Answers;
using AnomSeer.Metrics;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Core;

/// <summary>
/// <see cref="TsadReward.Score(string?, IReadOnlyList{AnomalyInterval}, AnomalyClass, int, RewardWeights?)"/> on a
/// typical ~1,000-character response (reasoning, three intervals, class) against three ground-truth
/// events on a length-1000 series; and the parser alone. Target: well under 50 µs.
/// </summary>
[MemoryDiagnoser]
public class RewardBenchmarks
{
    private string _response = "";
    private AnomalyInterval[] _truth = [];

    /// <summary>Builds the response and the ground truth.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var reasoning = new StringBuilder();
        while (reasoning.Length < 880)
            reasoning.Append("The series oscillates with a stable period of about 50 points until index 412, where the amplitude jumps. ");
        _response = AnswerFormatter.Format(reasoning.ToString(0, 880),
            [new AnomalyInterval(120, 150), new AnomalyInterval(412, 470), new AnomalyInterval(800, 805)], AnomalyClass.Seasonal);
        _truth = [new AnomalyInterval(118, 149), new AnomalyInterval(420, 480), new AnomalyInterval(700, 720)];
    }

    /// <summary>Parse and score one response.</summary>
    [Benchmark(Baseline = true)]
    public double Score() => TsadReward.Score(_response, _truth, AnomalyClass.Seasonal, 1000).Total;

    /// <summary>Parse only.</summary>
    [Benchmark]
    public int Parse() => AnswerParser.Parse(_response).Intervals?.Count ?? -1;
}
