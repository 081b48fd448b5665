namespace AnomSeer.OptimalTransport.Tests;

public class AdvantageTests
{
    private static readonly int[] Groups = [7, 7, 7, 3, 3, 9, 3, 7];

    [Fact]
    public void Group_index_keeps_first_appearance_order()
    {
        var g = new GroupIndex(Groups);
        Assert.Equal([7, 3, 9], g.Keys);
        Assert.Equal([0, 1, 2, 7], g.Members(0).ToArray());
        Assert.Equal([3, 4, 6], g.Members(1).ToArray());
        Assert.Equal([5], g.Members(2).ToArray());
    }

    [Fact]
    public void Outcome_advantage_is_reward_minus_group_mean_without_std()
    {
        double[] r = [1, 0, 0.5, 0.2, 0.4, 0.9, 0.6, 0.5];
        var a = new double[8];
        OutcomeAdvantage.Compute(new GroupIndex(Groups), r, a);
        // group 7: mean 0.5; group 3: mean 0.4; singleton 9: mean 0 (spec b.4) → keeps 0.9.
        double[] expected = [0.5, -0.5, 0, -0.2, 0, 0.9, 0.2, 0];
        for (int i = 0; i < 8; i++) Assert.Equal(expected[i], a[i], 1e-15);

        OutcomeAdvantage.Compute(new GroupIndex(Groups), r, a, SingletonGroupMean.Self);
        Assert.Equal(0.0, a[5]);
    }

    [Fact]
    public void Grounded_advantage_hand_values()
    {
        int[] ids = [1, 1, 1];
        double[] w = [0, 0.5, 1];
        var s = new double[3];
        var a = new double[3];
        GroundedAdvantage.Compute(new GroupIndex(ids), w, s, a);
        double[] sim = [1, Math.Exp(-1), Math.Exp(-2)];
        double mean = sim.Average();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(sim[i], s[i], 1e-15);
            Assert.Equal(sim[i] - mean, a[i], 1e-15);
        }
        // Negative W (impossible for OT but not excluded) is clamped to similarity 1; NaN gives 0.
        Assert.Equal(1.0, GroundedAdvantage.Similarity(-3));
        Assert.Equal(0.0, GroundedAdvantage.Similarity(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => GroundedAdvantage.Similarity(1, 0));
    }

    [Fact]
    public void Z_scored_grounded_advantage_uses_the_sample_std()
    {
        int[] ids = [1, 1, 1, 2];
        double[] w = [0, 0.5, 1, 0.3];
        var s = new double[4];
        var a = new double[4];
        GroundedAdvantage.Compute(new GroupIndex(ids), w, s, a, normalization: GroupNormalization.ZScore);
        double[] sim = [1, Math.Exp(-1), Math.Exp(-2)];
        double mean = sim.Average();
        double std = Math.Sqrt(sim.Sum(v => (v - mean) * (v - mean)) / 2);
        for (int i = 0; i < 3; i++) Assert.Equal((sim[i] - mean) / (std + 1e-6), a[i], 1e-12);
        Assert.Equal(0.0, a[3]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Perpendicular_part_is_orthogonal_to_the_main_advantage_in_every_group(int seed)
    {
        var rng = new Random(seed);
        int[] ids = [.. Enumerable.Range(0, 40).Select(i => i / 5)];
        double[] main = [.. ids.Select(_ => rng.NextDouble() - 0.5)];
        double[] sem = [.. ids.Select(_ => rng.NextDouble() - 0.5)];
        var groups = new GroupIndex(ids);

        // Exact projection (ε = 0): orthogonal to rounding.
        var perp = new double[40];
        OrthogonalProjection.Project(groups, main, sem, perp, epsilon: 0);
        // The paper's ε = 1e-8 leaves by construction ⟨A_perp, A_main⟩ = ε ⟨A_sem, A_main⟩ / (‖A_main‖² + ε).
        var perpPaper = new double[40];
        var coef = OrthogonalProjection.Project(groups, main, sem, perpPaper);
        for (int g = 0; g < 8; g++)
        {
            double dot = 0, dotPaper = 0, dotSem = 0, norm2 = 0;
            foreach (int i in groups.Members(g))
            {
                dot += perp[i] * main[i];
                dotPaper += perpPaper[i] * main[i];
                dotSem += sem[i] * main[i];
                norm2 += main[i] * main[i];
            }
            Assert.True(Math.Abs(dot) <= 1e-12, $"group {g}: ⟨A_perp, A_main⟩ = {dot}");
            Assert.Equal(1e-8 * dotSem / (norm2 + 1e-8), dotPaper, 1e-15);
            Assert.Equal(dotSem / (norm2 + 1e-8), coef[g], 1e-15);
        }
    }
}
