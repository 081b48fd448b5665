using AnomSeer.Data.Random;

namespace AnomSeer.Data.Tests.Random;

public class DeterministicMathTests
{
    [Fact]
    public void Log_agrees_with_the_platform_log_to_a_few_ulp()
    {
        var r = new SeededRandom(99);
        for (int i = 0; i < 100_000; i++)
        {
            double x = Math.Exp(r.Uniform(-700, 700)) * r.Uniform(0.5, 2);
            double expected = Math.Log(x);
            double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
            Assert.True(Math.Abs(DeterministicMath.Log(x) - expected) <= 4 * ulp,
                $"Log({x:R}) = {DeterministicMath.Log(x):R}, expected {expected:R}");
        }
        Assert.Equal(0.0, DeterministicMath.Log(1.0));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1)));
        Assert.Equal(Math.Log(double.Epsilon), DeterministicMath.Log(double.Epsilon), 1e-12);
        Assert.Equal(-690.7755278982137, DeterministicMath.Log(1e-300), 1e-12);
    }

    [Fact]
    public void Exp_agrees_with_the_platform_exp_to_a_few_ulp()
    {
        var r = new SeededRandom(17);
        for (int i = 0; i < 100_000; i++)
        {
            double x = r.Uniform(-700, 700);
            double expected = Math.Exp(x);
            double ulp = Math.BitIncrement(expected) - expected;
            Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 4 * ulp, $"Exp({x:R}) = {DeterministicMath.Exp(x):R}, expected {expected:R}");
        }
        Assert.Equal(1.0, DeterministicMath.Exp(0));
        Assert.Equal(0.0, DeterministicMath.Exp(-800));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(710));
        Assert.Equal(Math.Exp(-740), DeterministicMath.Exp(-740), Math.Exp(-740) * 1e-6);
    }

    [Fact]
    public void SinTurns_and_CosTurns_agree_with_the_platform()
    {
        var r = new SeededRandom(5);
        for (int i = 0; i < 100_000; i++)
        {
            double t = r.Uniform(-200, 200);
            double reduced = t - Math.Round(t);
            Assert.Equal(Math.Sin(2 * Math.PI * reduced), DeterministicMath.SinTurns(t), 1e-14);
            Assert.Equal(Math.Cos(2 * Math.PI * reduced), DeterministicMath.CosTurns(t), 1e-14);
        }
        for (int i = 0; i < 100_000; i++)
        {
            double t = r.Uniform(-3, 3);
            Assert.Equal(DeterministicMath.SinTurnsReference(t), DeterministicMath.SinTurns(t), 4e-16);
        }
        Assert.Equal(0.0, DeterministicMath.SinTurns(0.5));
        Assert.Equal(0.0, DeterministicMath.SinTurns(-3));
        Assert.Equal(1.0, DeterministicMath.SinTurns(0.25));
        Assert.Equal(-1.0, DeterministicMath.CosTurns(0.5));
    }

    [Theory]
    [InlineData(1e22, -0.8522008497671888)]              // the classic hard case (exact reduction needed)
    [InlineData(1.4924189243142596e24, -0.9871996350868618)] // 2^80·1.2345, reference: CPython math.sin (glibc)
    [InlineData(4.2509699851534387e30, -0.823738986305484)]
    [InlineData(1.0, 0.8414709848078965)]
    [InlineData(-3.0, -0.1411200080598672)]
    public void SinRadians_reduces_huge_arguments_exactly(double x, double expected) =>
        Assert.Equal(expected, DeterministicMath.SinRadians(x), 1e-14);
}
