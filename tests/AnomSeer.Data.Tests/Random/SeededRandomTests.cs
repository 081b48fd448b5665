using AnomSeer.Data.Random;

namespace AnomSeer.Data.Tests.Random;

public class SeededRandomTests
{
    [Fact]
    public void SplitMix64_matches_the_published_sequence_for_seed_0()
    {
        // Reference outputs of splitmix64.c (Vigna) from state 0.
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SplitMix64.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.Next(ref state));
        Assert.Equal(0xF88BB8A8724C81ECUL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void Xoshiro256StarStar_matches_an_independent_reference()
    {
        // Computed with an independent big-integer Python transcription of xoshiro256** 1.0,
        // state = first four SplitMix64 outputs of the seed.
        var r = new SeededRandom(3407);
        Assert.Equal(0xEC6F00446631950DUL, r.NextUInt64());
        Assert.Equal(0x43301129E19930CEUL, r.NextUInt64());
        Assert.Equal(0xFC8A0B924809E826UL, r.NextUInt64());
        Assert.Equal(0x740715841D1E11BEUL, r.NextUInt64());
        Assert.Equal(0x458DE3DAF8756C27UL, r.NextUInt64());

        var z = new SeededRandom(0);
        Assert.Equal(0x99EC5F36CB75F2B4UL, z.NextUInt64());
        Assert.Equal(0xBF6E1F784956452AUL, z.NextUInt64());
    }

    [Fact]
    public void NextDouble_is_the_top_53_bits()
    {
        var a = new SeededRandom(3407);
        Assert.Equal((0xEC6F00446631950DUL >> 11) / 9007199254740992.0, a.NextDouble());
    }

    [Fact]
    public void Streams_are_reproducible_and_distinct()
    {
        Assert.Equal(SeededRandom.ForStream(1, 2, 3).NextUInt64(), SeededRandom.ForStream(1, 2, 3).NextUInt64());
        var firsts = new HashSet<ulong>();
        for (ulong s = 0; s < 4; s++)
            for (ulong st = 0; st < 4; st++)
                for (ulong i = 0; i < 4; i++)
                    Assert.True(firsts.Add(SeededRandom.ForStream(s, st, i).NextUInt64()));
    }

    [Fact]
    public void Uniform_normal_and_exponential_have_the_right_moments()
    {
        const int n = 200_000;
        var r = new SeededRandom(12345);
        double su = 0, su2 = 0, sn = 0, sn2 = 0, sn4 = 0, se = 0, se2 = 0;
        int belowMinus196 = 0;
        for (int i = 0; i < n; i++)
        {
            double u = r.Uniform(2, 5);
            Assert.InRange(u, 2, 5);
            su += u; su2 += u * u;
            double z = r.Normal(1, 2);
            sn += z; sn2 += z * z;
            double zs = (z - 1) / 2;
            sn4 += zs * zs * zs * zs;
            if (zs < -1.959964) belowMinus196++;
            double e = r.Exponential(3);
            Assert.True(e >= 0);
            se += e; se2 += e * e;
        }
        double mu = su / n, vu = su2 / n - mu * mu;
        Assert.InRange(mu, 3.5 - 0.01, 3.5 + 0.01);        // mean (a+b)/2, se ~0.002
        Assert.InRange(vu, 0.75 - 0.01, 0.75 + 0.01);      // variance (b-a)^2/12
        double mn = sn / n, vn = sn2 / n - mn * mn;
        Assert.InRange(mn, 1 - 0.02, 1 + 0.02);            // se ~0.0045
        Assert.InRange(vn, 4 - 0.05, 4 + 0.05);            // se ~0.013
        Assert.InRange(sn4 / n, 3 - 0.06, 3 + 0.06);       // kurtosis of a normal
        Assert.InRange(belowMinus196 / (double)n, 0.025 - 0.002, 0.025 + 0.002);
        double me = se / n, ve = se2 / n - me * me;
        Assert.InRange(me, 3 - 0.03, 3 + 0.03);            // se ~0.0067
        Assert.InRange(ve, 9 - 0.3, 9 + 0.3);
    }

    [Fact]
    public void Normal_matches_the_normal_cdf_in_the_body_and_the_tails()
    {
        // Reference probabilities Φ(z) of the standard normal (tables); 4,000,000 draws, tolerance 5 standard errors.
        (double Z, double Phi)[] points =
        [
            (-3.5, 0.000232629), (-3.0, 0.001349898), (-2.0, 0.022750132), (-1.0, 0.158655254), (-0.3, 0.382088578),
            (0.0, 0.5), (0.5, 0.691462461), (1.5, 0.933192799), (2.5, 0.993790335), (3.442619855899, 0.999711897),
        ];
        const int n = 4_000_000;
        var counts = new int[points.Length];
        var r = new SeededRandom(2718);
        for (int k = 0; k < n; k++)
        {
            double z = r.StandardNormal();
            for (int p = 0; p < points.Length; p++) if (z < points[p].Z) counts[p]++;
        }
        for (int p = 0; p < points.Length; p++)
        {
            double phi = points[p].Phi, se = Math.Sqrt(phi * (1 - phi) / n);
            Assert.InRange(counts[p] / (double)n, phi - 5 * se, phi + 5 * se);
        }
    }

    [Fact]
    public void NextInt_is_in_range_and_roughly_uniform()
    {
        var r = new SeededRandom(7);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[r.NextInt(7)]++;
        foreach (int c in counts) Assert.InRange(c, 9_500, 10_500);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt(0));
    }

    [Fact]
    public void Invalid_distribution_parameters_throw()
    {
        var r = new SeededRandom(1);
        Assert.Equal("standardDeviation", Assert.Throws<ArgumentOutOfRangeException>(() => r.Normal(0, -1)).ParamName);
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => r.Exponential(0)).ParamName);
    }
}
