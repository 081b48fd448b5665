namespace AnomSeer.Training.Optimization;

/// <summary>Argument checks shared by the trainers.</summary>
internal static class TrainerArguments
{
    /// <summary>Throws unless <paramref name="examples"/> is a non-empty batch without nulls.</summary>
    /// <exception cref="ArgumentNullException">The list is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or holds a null.</exception>
    public static void RequireBatch(IReadOnlyList<TimerPoExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0) throw new ArgumentException("At least one example is needed.", nameof(examples));
        for (int i = 0; i < examples.Count; i++)
            if (examples[i] is null) throw new ArgumentException($"Example {i} is null.", nameof(examples));
    }
}
