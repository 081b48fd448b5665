using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.Synthetic;

/// <summary>
/// Golden values: the first three values (bit-exact) and the intervals of series 0 of every task for a fixed
/// seed. The generators use only integer arithmetic and correctly rounded IEEE operations, so these must
/// hold on every platform and .NET version; a change here is a change of the data set and must be deliberate.
/// </summary>
public class PinnedValuesTests
{
    [Theory]
    [InlineData(AnomLlmTask.Range, -0.12654395773117194, -0.13829521278824483, -0.010485947966870373, "[564, 572)")]
    [InlineData(AnomLlmTask.Point, 0, 0.1873813145857246, 0.3681245526846779, "[200, 205) [442, 451) [847, 868)")]
    [InlineData(AnomLlmTask.Freq, 0.1873813145857246, 0.3681245526846779, 0.5358267949789964, "[206, 213) [239, 247) [610, 624)")]
    [InlineData(AnomLlmTask.Trend, -0.6625922375412435, -0.6137767646831104, -0.565713144504854, "[800, 929)")]
    [InlineData(AnomLlmTask.FlatTrend, -0.6283968177380523, -0.5746340206834902, -0.5216992746684133, "")]
    [InlineData(AnomLlmTask.NoisyPoint, 0.09847865827454406, 0.11996929241776852, 0.37944299723309927, "[200, 230)")]
    [InlineData(AnomLlmTask.NoisyFreq, 0.09045225904631166, 0.3411939240201952, 0.6309892236597863, "")]
    [InlineData(AnomLlmTask.NoisyTrend, -0.7045731145106983, -0.6760893567154517, -0.556078835749042, "[800, 857)")]
    public void AnomLlm_series_0_for_seed_3407(AnomLlmTask task, double v0, double v1, double v2, string intervals)
    {
        var s = new AnomLlmGenerator().Generate(task, 3407, 0);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v0), BitConverter.DoubleToInt64Bits(s.Values[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(s.Values[1]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v2), BitConverter.DoubleToInt64Bits(s.Values[2]));
        Assert.Equal(intervals, string.Join(" ", s.Intervals));
    }

    [Theory]
    [InlineData(VtaType.Global, 0.02728198395343037, 0.3726100894455904, 0.7382272047735814, "[8, 9) [14, 15) [24, 25) [46, 47) [75, 76) [77, 78) [132, 133) [168, 169) [197, 198) [208, 209) [247, 248) [278, 279) [285, 286) [303, 304) [318, 319) [349, 350) [350, 351) [356, 357) [386, 387) [389, 390)")]
    [InlineData(VtaType.Contextual, -0.044996125603514604, 0.42407124033482013, 0.570318950685346, "[19, 20) [24, 25) [49, 50) [58, 59) [73, 74) [92, 93) [96, 97) [109, 110) [132, 133) [180, 181) [210, 211) [215, 216) [221, 222) [225, 226) [229, 230) [233, 234) [259, 260) [309, 310) [350, 351)")]
    [InlineData(VtaType.Seasonal, 0.10628912134304061, 0.35206090283170444, 0.6570548010061384, "[22, 32) [333, 343)")]
    [InlineData(VtaType.Trend, 0.027200188401700773, 0.5290044546737905, 0.5812796723293868, "[6, 16) [364, 374)")]
    [InlineData(VtaType.Shapelet, -0.015854798977225554, 0.4816692708336151, 0.8182273854163655, "[3, 13) [88, 98)")]
    public void Vta_series_0_for_seed_0(VtaType type, double v0, double v1, double v2, string intervals)
    {
        var s = new VtaGenerator().Generate(type, 0, 0);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v0), BitConverter.DoubleToInt64Bits(s.Values[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(s.Values[1]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v2), BitConverter.DoubleToInt64Bits(s.Values[2]));
        Assert.Equal(intervals, string.Join(" ", s.Intervals));
    }
}
