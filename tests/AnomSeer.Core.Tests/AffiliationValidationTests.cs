using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

/// <summary>Invalid inputs to the affiliation metrics throw typed exceptions naming the argument.</summary>
public class AffiliationValidationTests
{
    private static readonly AnomalyInterval[] Truth = [new(3, 5)];

    [Fact]
    public void Empty_ground_truth_throws_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => AffiliationMetrics.Compute(Truth, [], 0, 10));
        Assert.Equal("groundTruth", e.ParamName);
    }

    [Fact]
    public void Null_lists_throw_naming_them()
    {
        Assert.Equal("predicted", Assert.Throws<ArgumentNullException>(() => AffiliationMetrics.Compute(null!, Truth, 0, 10)).ParamName);
        Assert.Equal("groundTruth", Assert.Throws<ArgumentNullException>(() => AffiliationMetrics.Compute(Truth, null!, 0, 10)).ParamName);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 5)]
    [InlineData(-3, -4)]
    public void Empty_or_reversed_range_throws_naming_range_end(int rangeStart, int rangeEnd)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AffiliationMetrics.Compute([], Truth, rangeStart, rangeEnd));
        Assert.Equal("rangeEnd", e.ParamName);
    }

    [Theory]
    [InlineData(4, 11, "predicted")]
    [InlineData(0, 3, "predicted")]
    [InlineData(1, 11, "groundTruth")]
    [InlineData(0, 3, "groundTruth")]
    public void Interval_outside_the_range_throws_naming_its_list(int start, int end, string paramName)
    {
        // Range [1, 10]: [0, 3) starts before it, [*, 11) ends after it.
        var bad = new[] { new AnomalyInterval(start, end) };
        var e = paramName == "predicted"
            ? Assert.Throws<ArgumentException>(() => AffiliationMetrics.Compute(bad, Truth, 1, 10))
            : Assert.Throws<ArgumentException>(() => AffiliationMetrics.Compute(Truth, bad, 1, 10));
        Assert.Equal(paramName, e.ParamName);
    }

    [Fact]
    public void Interval_touching_the_range_ends_is_accepted()
    {
        var r = AffiliationMetrics.Compute([new(1, 2), new(9, 10)], [new(1, 10)], 1, 10);
        Assert.Equal(1.0, r.Precision, 1e-15);
    }

    [Fact]
    public void Default_interval_is_rejected_as_empty()
    {
        var e = Assert.Throws<ArgumentException>(() => AffiliationMetrics.Compute([default], Truth, 0, 10));
        Assert.Equal("predicted", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => AffiliationMetrics.Compute(Truth, [default], 0, 10));
        Assert.Equal("groundTruth", e.ParamName);
    }
}
