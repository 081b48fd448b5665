using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.Training;

namespace TrainTinyPolicy;

/// <summary>
/// Fresh AnomLLM-style training series on the fly: example j of the stream is series <c>firstIndex + j / 8</c> of task
/// <c>j mod 8</c> of the train seed, so every step sees new series of every task and the stream never repeats. Indices
/// start above the 400 per task of the paper's RL training split, which stays unseen by SFT.
/// </summary>
internal sealed class FreshTrainingData(TimerPoExampleFactory factory, ulong seed, int firstIndex = 1000)
{
    private readonly AnomLlmGenerator _generator = new();

    public TimerPoExample[] Batch(long step, int size)
    {
        var batch = new TimerPoExample[size];
        Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = 2 }, b =>
        {
            long j = step * size + b;
            var tasks = AnomLlmTaskNames.All;
            var task = tasks[(int)(j % tasks.Count)];
            int index = checked(firstIndex + (int)(j / tasks.Count));
            var s = _generator.Generate(task, seed, index);
            string name = task.ToName();
            var sample = new TsadSample($"anomllm-sft-{name}-{index:D6}", "anomllm", name, "train", s.Class, s.Values, s.Intervals);
            batch[b] = factory.Create(sample);
        });
        return batch;
    }
}
