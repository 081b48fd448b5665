namespace AnomSeer.OptimalTransport;

/// <summary>
/// The OT distance between each response and its reference text (spec b.5 steps 3–5): cosine cost between
/// the hidden states, token masses, Sinkhorn. Batched: cost matrices of up to
/// <see cref="TimerPoAdvantageOptions.BatchSize"/> responses are built in parallel and solved in one call.
/// </summary>
public static class GroundedTransport
{
    /// <summary>Solves the OT problem of every (response, reference) pair.</summary>
    /// <param name="responseHidden">Per response, the hidden states at its tokens (T_r × D).</param>
    /// <param name="referenceHidden">Per response, the hidden states of its reference (ExpCoT) text (T_e × D).</param>
    /// <param name="options">Token masses, precision, batch size and Sinkhorn settings; the paper's when null.</param>
    /// <param name="solver">The solver; <see cref="CpuSinkhornSolver.Shared"/> when null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One Sinkhorn result per response; W = 1.0 where a side has no tokens (spec b.5 step 5).</returns>
    /// <exception cref="ArgumentException">Count or dimension mismatches, or non-finite hidden states.</exception>
    public static SinkhornResult[] Solve(IReadOnlyList<HiddenStates> responseHidden, IReadOnlyList<HiddenStates> referenceHidden,
        TimerPoAdvantageOptions? options = null, ISinkhornSolver? solver = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseHidden);
        ArgumentNullException.ThrowIfNull(referenceHidden);
        options ??= TimerPoAdvantageOptions.Paper;
        options.Validate();
        solver ??= CpuSinkhornSolver.Shared;
        if (referenceHidden.Count != responseHidden.Count)
            throw new ArgumentException($"Got {referenceHidden.Count} references for {responseHidden.Count} responses.", nameof(referenceHidden));
        for (int p = 0; p < responseHidden.Count; p++)
        {
            if (responseHidden[p].Rows > 0 && referenceHidden[p].Rows > 0 && responseHidden[p].Dimension != referenceHidden[p].Dimension)
                throw new ArgumentException($"referenceHidden[{p}] has dimension {referenceHidden[p].Dimension} but responseHidden[{p}] has {responseHidden[p].Dimension}.", nameof(referenceHidden));
            CheckFinite(responseHidden[p], nameof(responseHidden), p);
            CheckFinite(referenceHidden[p], nameof(referenceHidden), p);
        }

        var results = new SinkhornResult[responseHidden.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.Sinkhorn.MaxDegreeOfParallelism };
        for (int start = 0; start < results.Length; start += options.BatchSize)
        {
            int count = Math.Min(options.BatchSize, results.Length - start);
            SinkhornResult[] chunk = options.SinglePrecision
                ? SolveChunk<float>(responseHidden, referenceHidden, start, count, options, solver, parallel, cancellationToken)
                : SolveChunk<double>(responseHidden, referenceHidden, start, count, options, solver, parallel, cancellationToken);
            Array.Copy(chunk, 0, results, start, count);
        }
        return results;
    }

    private static SinkhornResult[] SolveChunk<T>(IReadOnlyList<HiddenStates> responses, IReadOnlyList<HiddenStates> references,
        int start, int count, TimerPoAdvantageOptions options, ISinkhornSolver solver, ParallelOptions parallel, CancellationToken cancellationToken)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        // The CPU solver computes each cost matrix (and K) right before its own solve, on the same thread.
        if (solver is CpuSinkhornSolver cpu && options.Sinkhorn.Method == SinkhornMethod.Scaling)
            return cpu.SolveCosineBatch<T>(responses, references, start, count, options.TokenMass, options.Sinkhorn, cancellationToken);

        // The cost matrices are rented (they are the bulk of the memory) and returned once the chunk is solved.
        var rented = new T[count][];
        try
        {
            var problems = Build(responses, references, start, count, options.TokenMass, parallel, rented);
            return typeof(T) == typeof(double)
                ? solver.SolveBatch((SinkhornProblem<double>[])(object)problems, options.Sinkhorn, cancellationToken)
                : solver.SolveBatch((SinkhornProblem<float>[])(object)problems, options.Sinkhorn, cancellationToken);
        }
        finally
        {
            foreach (var buffer in rented)
                if (buffer is not null) System.Buffers.ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static SinkhornProblem<T>[] Build<T>(IReadOnlyList<HiddenStates> responses, IReadOnlyList<HiddenStates> references,
        int start, int count, TokenMassKind massKind, ParallelOptions parallel, T[][] rented)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var problems = new SinkhornProblem<T>[count];
        Parallel.For(0, count, parallel, q =>
        {
            var x = responses[start + q];
            var y = references[start + q];
            var buffer = rented[q] = System.Buffers.ArrayPool<T>.Shared.Rent(x.Rows * y.Rows);
            var cost = buffer.AsMemory(0, x.Rows * y.Rows);
            var a = new T[x.Rows];
            var b = new T[y.Rows];
            if (x.Rows > 0 && y.Rows > 0)
            {
                if (typeof(T) == typeof(double))
                {
                    CosineCost.Compute(x, y, ((Memory<double>)(object)cost).Span);
                    TokenMass.Compute(massKind, x, (double[])(object)a);
                    TokenMass.Compute(massKind, y, (double[])(object)b);
                }
                else
                {
                    CosineCost.Compute(x, y, ((Memory<float>)(object)cost).Span);
                    Masses(massKind, x, (float[])(object)a);
                    Masses(massKind, y, (float[])(object)b);
                }
            }
            problems[q] = new SinkhornProblem<T>(cost, x.Rows, y.Rows, a, b);
        });
        return problems;
    }

    private static void Masses(TokenMassKind kind, HiddenStates h, float[] destination)
    {
        var masses = new double[h.Rows];
        TokenMass.Compute(kind, h, masses);
        for (int t = 0; t < masses.Length; t++) destination[t] = (float)masses[t];
    }

    private static void CheckFinite(HiddenStates h, string paramName, int index)
    {
        var values = h.Values.Span;
        if (values.IsEmpty) return;
        float min = System.Numerics.Tensors.TensorPrimitives.Min(values);
        float max = System.Numerics.Tensors.TensorPrimitives.Max(values);
        if (!float.IsFinite(min) || !float.IsFinite(max))
            throw new ArgumentException($"{paramName}[{index}] contains a NaN or infinite value.", paramName);
    }
}
