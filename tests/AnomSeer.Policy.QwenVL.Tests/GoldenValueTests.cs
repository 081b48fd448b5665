using AnomSeer.Policy.QwenVL.Modeling;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The spec's computed golden values (§3.4, §4.3, §6.4) on the pure index code.</summary>
public class GoldenValueTests
{
    [Fact]
    public void WindowPartition_RealConfig_Grid16x16_MatchesSpec()
    {
        var p = WindowPartition.Compute([new ImageGrid(1, 16, 16)], 2, 4);
        int[] expected =
        [
            0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27, 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31,
            32, 33, 34, 35, 40, 41, 42, 43, 48, 49, 50, 51, 56, 57, 58, 59, 36, 37, 38, 39, 44, 45, 46, 47, 52, 53, 54, 55, 60, 61, 62, 63,
        ];
        Assert.Equal(expected, p.WindowIndex);
        Assert.Equal([0, 64, 128, 192, 256], p.CuWindowSeqlens);
        Assert.Equal([0, 256], p.CuSeqlens);
    }

    [Fact]
    public void WindowPartition_TinyConfig_Grid6x10_MatchesSpec()
    {
        var p = WindowPartition.Compute([new ImageGrid(1, 6, 10)], 2, 2);
        Assert.Equal([0, 1, 5, 6, 2, 3, 7, 8, 4, 9, 10, 11, 12, 13, 14], p.WindowIndex);
        Assert.Equal([0, 16, 32, 40, 48, 56, 60], p.CuWindowSeqlens);
        Assert.Equal([0, 60], p.CuSeqlens);
        var reverse = p.ReverseIndex();
        Assert.Equal(Enumerable.Range(0, 15), reverse.Select(r => p.WindowIndex[r]));
    }

    [Fact]
    public void WindowPartition_TwoImages_MatchesSpec()
    {
        var p = WindowPartition.Compute([new ImageGrid(1, 4, 6), new ImageGrid(1, 6, 4)], 2, 2);
        Assert.Equal([0, 1, 3, 4, 2, 5, 6, 7, 8, 9, 10, 11], p.WindowIndex);
        Assert.Equal([0, 16, 24, 40, 48], p.CuWindowSeqlens);
        Assert.Equal([0, 24, 48], p.CuSeqlens);
    }

    [Fact]
    public void VisionPositions_Grid4x6_FollowTheMergeBlockOrder()
    {
        var (rows, cols) = VisionPositions.Of([new ImageGrid(1, 4, 6)], 2);
        (int, int)[] first16 = [(0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (0, 3), (1, 2), (1, 3), (0, 4), (0, 5), (1, 4), (1, 5), (2, 0), (2, 1), (3, 0), (3, 1)];
        Assert.Equal(first16, rows.Zip(cols).Take(16).ToArray());
        Assert.Equal(24, rows.Length);
    }

    private const int T = 1, VS = TinyQwen.VisionStart, VE = TinyQwen.VisionEnd, IMG = TinyQwen.Image;

    [Fact]
    public void RopeIndex_Example1_MatchesSpec()
    {
        int[] ids = [T, T, T, T, VS, IMG, IMG, IMG, IMG, IMG, IMG, VE, T, T, T];
        var (pos, deltas) = RopeIndex.Compute([ids], null, [new ImageGrid(1, 4, 6)], 2, IMG, VS);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 8, 9, 10, 11], pos[0][0]);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 8, 9, 10, 11], pos[1][0]);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8, 9, 10, 11], pos[2][0]);
        Assert.Equal(-3, deltas[0]);
    }

    [Fact]
    public void RopeIndex_Example2_TwoImages_MatchesSpec()
    {
        int[] ids = [VS, IMG, IMG, IMG, IMG, VE, T, VS, IMG, IMG, VE, T];
        var (pos, deltas) = RopeIndex.Compute([ids], null, [new ImageGrid(1, 4, 4), new ImageGrid(1, 2, 4)], 2, IMG, VS);
        Assert.Equal([0L, 1, 1, 1, 1, 3, 4, 5, 6, 6, 8, 9], pos[0][0]);
        Assert.Equal([0L, 1, 1, 2, 2, 3, 4, 5, 6, 6, 8, 9], pos[1][0]);
        Assert.Equal([0L, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9], pos[2][0]);
        Assert.Equal(-2, deltas[0]);
    }

    [Fact]
    public void RopeIndex_LeftPadded_PadsGetOne_DeltaUsesThePaddedLength()
    {
        int[] ids = [0, 0, T, T, T, T, VS, IMG, IMG, IMG, IMG, IMG, IMG, VE, T, T, T];
        bool[] mask = [false, false, .. Enumerable.Repeat(true, 15)];
        var (pos, deltas) = RopeIndex.Compute([ids], [mask], [new ImageGrid(1, 4, 6)], 2, IMG, VS);
        Assert.Equal([1L, 1, 0, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 8, 9, 10, 11], pos[0][0]);
        Assert.Equal([1L, 1, 0, 1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8, 9, 10, 11], pos[2][0]);
        Assert.Equal(11 + 1 - 17, deltas[0]);
    }

    [Fact]
    public void RopeIndex_TextOnly_IsArangeWithZeroDelta()
    {
        var (pos, deltas) = RopeIndex.Compute([new[] { 5, 6, 7, 8 }], null, [], 2, IMG, VS);
        for (int a = 0; a < 3; a++) Assert.Equal([0L, 1, 2, 3], pos[a][0]);
        Assert.Equal(0, deltas[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void RopeIndex_OfPromptPlusGenerated_EqualsPrefillThenDecodePositions(int leftPad)
    {
        int[] prompt = [.. Enumerable.Repeat(0, leftPad), T, T, VS, IMG, IMG, IMG, IMG, IMG, IMG, VE, T];
        bool[] promptMask = [.. Enumerable.Repeat(false, leftPad), .. Enumerable.Repeat(true, prompt.Length - leftPad)];
        var grid = new ImageGrid(1, 4, 6);
        var (pre, deltas) = RopeIndex.Compute([prompt], [promptMask], [grid], 2, IMG, VS);
        int[] generated = [7, 8, 9, 10, 11];
        int[] full = [.. prompt, .. generated];
        bool[] fullMask = [.. promptMask, .. Enumerable.Repeat(true, generated.Length)];
        var (all, _) = RopeIndex.Compute([full], [fullMask], [grid], 2, IMG, VS);
        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(pre[a][0], all[a][0].Take(prompt.Length));
            for (int k = 0; k < generated.Length; k++)
                Assert.Equal(RopeIndex.DecodePositions(prompt.Length + k, 1, deltas[0])[0], all[a][0][prompt.Length + k]);
        }
    }
}
