using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomSeer.OptimalTransport;

/// <summary>
/// A token set prepared for <see cref="PairwiseKernel.Products{TSink}"/>: its rows (divided by <c>‖h‖ + 1e-6</c> when
/// normalised), their norms, and, for the column side on 512-bit hardware, the rows packed into panels of
/// <see cref="PairwiseKernel.TileColumns"/>. Buffers are rented and returned on <see cref="Dispose"/>. Read-only once
/// created, so one prepared reference can serve several threads.
/// </summary>
internal sealed class TokenPanels : IDisposable
{
    private float[]? _values, _norms, _packed;

    private TokenPanels(int rows, int dimension)
    {
        Rows = rows;
        Dimension = dimension;
    }

    /// <summary>Number of tokens.</summary>
    public int Rows { get; }

    /// <summary>Features per token.</summary>
    public int Dimension { get; }

    /// <summary>The (normalised) rows, row-major.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Rows * Dimension);

    /// <summary>‖h_t‖ per token (of the rows as given, before normalisation).</summary>
    public ReadOnlySpan<float> Norms => _norms.AsSpan(0, Rows);

    /// <summary>Whether <see cref="Packed"/> holds the panels (512-bit hardware and at least one full panel).</summary>
    public bool IsPacked => _packed is not null;

    /// <summary>
    /// The first <c>Rows − Rows % 32</c> rows in panels: panel p (rows 32p..32p+31) starts at <c>32 p D</c> and holds
    /// row <c>32p + c</c>, feature k at <c>32 k + c</c>.
    /// </summary>
    public ReadOnlySpan<float> Packed => _packed.AsSpan(0, (Rows - Rows % PairwiseKernel.TileColumns) * Dimension);

    /// <summary>Prepares <paramref name="h"/>; <paramref name="pack"/> asks for the panels of the column side.</summary>
    public static TokenPanels Create(HiddenStates h, bool normalize, bool pack)
    {
        int n = h.Rows, d = h.Dimension;
        var prepared = new TokenPanels(n, d)
        {
            _values = ArrayPool<float>.Shared.Rent(Math.Max(1, n * d)),
            _norms = ArrayPool<float>.Shared.Rent(Math.Max(1, n)),
        };
        var values = prepared._values.AsSpan(0, n * d);
        var norms = prepared._norms.AsSpan(0, n);
        for (int r = 0; r < n; r++)
        {
            var src = h.Row(r);
            var dst = values.Slice(r * d, d);
            float norm = TensorPrimitives.Norm(src);
            norms[r] = norm;
            if (normalize) TensorPrimitives.Divide(src, norm + CosineCost.NormEpsilon, dst);
            else src.CopyTo(dst);
        }
        if (pack && Vector512.IsHardwareAccelerated && n >= PairwiseKernel.TileColumns)
        {
            prepared._packed = ArrayPool<float>.Shared.Rent((n - n % PairwiseKernel.TileColumns) * d);
            PackPanels(values, n, d, prepared._packed);
        }
        return prepared;
    }

    /// <summary>Returns the buffers.</summary>
    public void Dispose()
    {
        Return(ref _values);
        Return(ref _norms);
        Return(ref _packed);
    }

    private static void Return(ref float[]? buffer)
    {
        if (buffer is not null) ArrayPool<float>.Shared.Return(buffer);
        buffer = null;
    }

    /// <summary>Transposes each group of 32 rows into its D × 32 panel (rows read in order; the panel's strided writes stay in L1).</summary>
    private static void PackPanels(ReadOnlySpan<float> rows, int n, int d, Span<float> packed)
    {
        const int w = PairwiseKernel.TileColumns;
        int tiledRows = n - n % w;
        ref float src = ref MemoryMarshal.GetReference(rows);
        ref float dst = ref MemoryMarshal.GetReference(packed);
        for (int p = 0; p < tiledRows; p += w)
        {
            ref float panel = ref Unsafe.Add(ref dst, p * d);
            for (int c = 0; c < w; c++)
            {
                ref float row = ref Unsafe.Add(ref src, (p + c) * d);
                ref float column = ref Unsafe.Add(ref panel, c);
                for (int k = 0; k < d; k++)
                    Unsafe.Add(ref column, k * w) = Unsafe.Add(ref row, k);
            }
        }
    }
}
