namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// Where the scaling form's vectors live in its one vector buffer: a, u and a row scratch (n each), then b, v and a
/// column scratch (m each). Each starts on a multiple of 16 entries, so that with a 64-byte aligned buffer the vectors
/// the inner loops load (v, u) are cache-line aligned.
/// </summary>
internal readonly struct ScalingVectors
{
    private const int Align = 16;

    public ScalingVectors(int n, int m)
    {
        N = n;
        M = m;
        int np = RoundUp(n), mp = RoundUp(m);
        U = np;
        RowScratch = 2 * np;
        B = 3 * np;
        V = 3 * np + mp;
        ColScratch = 3 * np + 2 * mp;
        Length = 3 * np + 3 * mp;
    }

    /// <summary>Rows.</summary>
    public int N { get; }

    /// <summary>Columns.</summary>
    public int M { get; }

    /// <summary>Offset of a (the normalised row masses); always 0.</summary>
    public int A => 0;

    /// <summary>Offset of u.</summary>
    public int U { get; }

    /// <summary>Offset of the row scratch (row sums of the plan).</summary>
    public int RowScratch { get; }

    /// <summary>Offset of b (the normalised column masses).</summary>
    public int B { get; }

    /// <summary>Offset of v.</summary>
    public int V { get; }

    /// <summary>Offset of the column scratch (column sums of the plan).</summary>
    public int ColScratch { get; }

    /// <summary>Entries the buffer needs.</summary>
    public int Length { get; }

    private static int RoundUp(int x) => (x + Align - 1) / Align * Align;
}
