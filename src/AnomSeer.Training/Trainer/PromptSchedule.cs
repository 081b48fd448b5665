namespace AnomSeer.Training;

/// <summary>
/// Which prompts a step trains on: the dataset is visited in a fresh seeded permutation each epoch, and step k takes the
/// positions <c>k·P … k·P + P − 1</c> of that endless sequence. It depends only on (dataset size, P, seed, step), so a
/// resumed run sees the same prompts as an uninterrupted one.
/// </summary>
public static class PromptSchedule
{
    /// <summary>The dataset indices of step <paramref name="step"/>.</summary>
    /// <param name="datasetSize">Number of examples, at least 1.</param>
    /// <param name="promptsPerStep">Prompts per step, at least 1.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="step">The step, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static int[] IndicesFor(int datasetSize, int promptsPerStep, int seed, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(datasetSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(promptsPerStep, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var result = new int[promptsPerStep];
        long position = step * promptsPerStep;
        long cachedEpoch = -1;
        int[] permutation = [];
        for (int k = 0; k < promptsPerStep; k++, position++)
        {
            long epoch = position / datasetSize;
            if (epoch != cachedEpoch)
            {
                permutation = Permutation(datasetSize, seed, epoch);
                cachedEpoch = epoch;
            }
            result[k] = permutation[position % datasetSize];
        }
        return result;
    }

    private static int[] Permutation(int n, int seed, long epoch)
    {
        var p = Enumerable.Range(0, n).ToArray();
        var rng = new Random(unchecked((int)(seed * 1_000_003L + epoch * 7_919L + 17)));
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
