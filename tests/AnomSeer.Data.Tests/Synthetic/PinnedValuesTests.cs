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
    [InlineData(AnomLlmTask.Range, 0.16502425513024438, 0.07350262232953407, 0.045382850253170626, "[564, 572)")]
    [InlineData(AnomLlmTask.Point, 0, 0.1873813145857246, 0.3681245526846779, "[200, 205) [442, 451) [847, 868)")]
    [InlineData(AnomLlmTask.Freq, 0.1873813145857246, 0.3681245526846779, 0.5358267949789967, "[206, 213) [239, 247) [610, 624)")]
    [InlineData(AnomLlmTask.Trend, -0.6625922375412435, -0.6137767646831104, -0.565713144504854, "[800, 929)")]
    [InlineData(AnomLlmTask.FlatTrend, -0.6283968177380523, -0.5746340206834902, -0.5216992746684133, "")]
    [InlineData(AnomLlmTask.NoisyPoint, 0.07172945262148107, 0.20745294476378656, 0.3161339485206215, "[200, 230)")]
    [InlineData(AnomLlmTask.NoisyFreq, 0.19402683562817827, 0.45086793210364007, 0.404559883283654, "")]
    [InlineData(AnomLlmTask.NoisyTrend, -0.6263026631284743, -0.487280834716169, -0.63165747186852, "[800, 857)")]
    public void AnomLlm_series_0_for_seed_3407(AnomLlmTask task, double v0, double v1, double v2, string intervals)
    {
        var s = new AnomLlmGenerator().Generate(task, 3407, 0);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v0), BitConverter.DoubleToInt64Bits(s.Values[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(s.Values[1]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v2), BitConverter.DoubleToInt64Bits(s.Values[2]));
        Assert.Equal(intervals, string.Join(" ", s.Intervals));
    }

    [Theory]
    [InlineData(VtaType.Global, -0.07075943758845973, 1.6357815757947392, 0.75934516580512, "[1, 2) [64, 65) [109, 110) [169, 170) [179, 180) [180, 181) [205, 206) [207, 208) [263, 264) [275, 276) [286, 287) [292, 293) [303, 304) [317, 318) [347, 348) [357, 358) [359, 360) [378, 379) [383, 384) [390, 391)")]
    [InlineData(VtaType.Contextual, 0.05348707468751886, 0.32491354474742723, 0.7897397489112183, "[19, 20) [43, 44) [62, 63) [69, 70) [73, 74) [75, 76) [106, 107) [169, 170) [171, 172) [212, 213) [227, 228) [280, 281) [281, 282) [308, 309) [315, 316) [320, 321) [332, 333) [336, 337) [388, 389)")]
    [InlineData(VtaType.Seasonal, -0.015241505691263143, 0.4023191137097804, 0.7345442486748911, "[74, 84) [260, 270)")]
    [InlineData(VtaType.Trend, -0.07358697721511581, 0.35694659685138597, 0.801552767127403, "[289, 299) [362, 372)")]
    [InlineData(VtaType.Shapelet, 0.12281729036809011, 0.3595937184810121, 0.5963916075109569, "[25, 35) [83, 93)")]
    public void Vta_series_0_for_seed_0(VtaType type, double v0, double v1, double v2, string intervals)
    {
        var s = new VtaGenerator().Generate(type, 0, 0);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v0), BitConverter.DoubleToInt64Bits(s.Values[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(s.Values[1]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(v2), BitConverter.DoubleToInt64Bits(s.Values[2]));
        Assert.Equal(intervals, string.Join(" ", s.Intervals));
    }
}
