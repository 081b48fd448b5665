namespace AnomSeer.OptimalTransport;

/// <summary>The floating-point element types a <see cref="ISinkhornSolver"/> accepts.</summary>
[Flags]
public enum SinkhornPrecisions
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>float32 problems (<see cref="SinkhornProblem{T}"/> of <see cref="float"/>): the GPU kind.</summary>
    Single = 1,

    /// <summary>float64 problems (<see cref="SinkhornProblem{T}"/> of <see cref="double"/>): the paper's precision.</summary>
    Double = 2,
}
