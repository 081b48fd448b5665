using AnomSeer.ExpCoT.Analysis;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class GradientTests
{
    [Fact]
    public void Matches_the_numpy_documentation_example()
    {
        // numpy docs: np.gradient([1, 2, 4, 7, 11, 16]) -> [1., 1.5, 2.5, 3.5, 4.5, 5.]
        Assert.Equal([1.0, 1.5, 2.5, 3.5, 4.5, 5.0], NumericGradient.Compute([1, 2, 4, 7, 11, 16]));
    }

    [Fact]
    public void Two_points_use_one_sided_differences()
        => Assert.Equal([3.0, 3.0], NumericGradient.Compute([1, 4]));

    [Fact]
    public void Rejects_a_single_point()
        => Assert.Equal("values", Assert.Throws<ArgumentException>(() => NumericGradient.Compute([1])).ParamName);
}
