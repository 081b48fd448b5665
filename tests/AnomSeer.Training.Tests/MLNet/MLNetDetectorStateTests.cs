using AnomSeer.Training.MLNet;

namespace AnomSeer.Training.Tests.MLNet;

[Collection(MLNetDetectorCollection.Name)]
public class MLNetDetectorStateTests(MLNetDetectorFixture fixture)
{
    [Fact]
    public void State_RoundTrips_AndDamageIsReported()
    {
        var state = fixture.Detector.Package.ToState();
        var back = DetectorPackage.FromState(state);
        Assert.Equal(fixture.Detector.Package.Description, back.Description);
        Assert.Equal(state, back.ToState());
        Assert.All(state, v => Assert.True(v >= 0 && v == Math.Floor(v) && v < 1L << 48));

        var version = (double[])state.Clone();
        version[0] = 2;
        Assert.Contains("version", Assert.Throws<InvalidDataException>(() => DetectorPackage.FromState(version)).Message);
        Assert.Throws<InvalidDataException>(() => DetectorPackage.FromState(state.AsSpan(0, state.Length - 1)));
        var fraction = (double[])state.Clone();
        fraction[5] = 0.5;
        Assert.Throws<InvalidDataException>(() => DetectorPackage.FromState(fraction));
        Assert.Throws<InvalidDataException>(() => DetectorPackage.FromState([1]));
    }
}
