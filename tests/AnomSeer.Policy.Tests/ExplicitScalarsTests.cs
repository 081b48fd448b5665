using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tests;

/// <summary>The explicit-Scalar operations give the values of the plain operations they replace.</summary>
public class ExplicitScalarsTests
{
    [Fact]
    public void FloatOperations_GiveHandComputedValues()
    {
        using var t = tensor(new float[] { -3f, 0.5f, 2f });
        Assert.Equal(new float[] { -1.5f, 0.25f, 1f }, t.DivideBy(2.0).data<float>().ToArray());
        Assert.Equal(new float[] { -6f, 1f, 4f }, t.Times(2.0).data<float>().ToArray());
        Assert.Equal(new float[] { -4f, -0.5f, 1f }, t.Minus(1.0).data<float>().ToArray());
        Assert.Equal(new float[] { -2.5f, 1f, 2.5f }, t.Plus(0.5).data<float>().ToArray());
        Assert.Equal(new float[] { -1f, 0.5f, 1f }, t.Between(-1.0, 1.0).data<float>().ToArray());
        Assert.Equal(new float[] { 0.5f, 0.5f, 2f }, t.AtLeast(0.5).data<float>().ToArray());
        using var mask = tensor(new[] { true, false, true });
        Assert.Equal(new float[] { -9f, 0.5f, -9f }, t.FillWhere(mask, -9f).data<float>().ToArray());
        using var full = ExplicitScalars.Full([2, 2], 7f);
        Assert.Equal(ScalarType.Float32, full.dtype);
        Assert.Equal(new float[] { 7, 7, 7, 7 }, full.data<float>().ToArray());
    }

    [Fact]
    public void IntegerOperations_StayInteger()
    {
        using var ids = tensor(new long[] { 3, 10, 12 });
        var shifted = ids.Minus(10L);
        Assert.Equal(ScalarType.Int64, shifted.dtype);
        Assert.Equal(new long[] { -7, 0, 2 }, shifted.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 0, 1 }, shifted.Between(0L, 1L).data<long>().ToArray());
        Assert.Equal(new long[] { 0, 0, 2 }, shifted.AtLeast(0L).data<long>().ToArray());
        Assert.Equal(new[] { false, true, true }, ids.GreaterOrEqual(10).data<bool>().ToArray());
        using var range = ExplicitScalars.Range(2, 5);
        Assert.Equal(ScalarType.Int64, range.dtype);
        Assert.Equal(new long[] { 2, 3, 4 }, range.data<long>().ToArray());
    }

    [Fact]
    public void PositionsOf_CountsRealTokensOfALeftPaddedMask()
    {
        using var valid = tensor(new[] { false, false, true, true, true, true, true, true, true, true }, [2, 5]);
        using var pos = ExplicitScalars.PositionsOf(valid);
        Assert.Equal(new long[] { 0, 0, 0, 1, 2, 0, 1, 2, 3, 4 }, pos.data<long>().ToArray());
    }
}
