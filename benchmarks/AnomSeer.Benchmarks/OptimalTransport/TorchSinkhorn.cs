using TorchSharp;
using static TorchSharp.torch;

namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>
/// The TorchSharp peer: the same algorithms written with TorchSharp CPU tensors, the way a .NET user would
/// otherwise write them (mat-vecs, broadcasting, <c>logsumexp</c>), one dispose scope per solve.
/// </summary>
public static class TorchSinkhorn
{
    /// <summary>Scaling form on tensors (dtype of <paramref name="c"/>).</summary>
    public static double Scaling(Tensor c, Tensor a, Tensor b, double eps, int iterations, double tiny, double huge)
    {
        using var scope = NewDisposeScope();
        var k = (-c / eps).exp_().clamp_min_(tiny);
        var kt = k.t();
        var u = ones_like(a);
        var v = ones_like(b);
        for (int it = 0; it < iterations; it++)
        {
            u = (a / (k.mv(v) + tiny)).nan_to_num_(0.0, huge);
            v = (b / (kt.mv(u) + tiny)).nan_to_num_(0.0, huge);
        }
        var plan = (u.unsqueeze(1) * k * v.unsqueeze(0)).nan_to_num_(0.0, 0.0, 0.0);
        return (plan * c).sum().to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>Log-domain form with <c>logsumexp</c>.</summary>
    public static double LogDomain(Tensor c, Tensor a, Tensor b, double eps, int iterations)
    {
        using var scope = NewDisposeScope();
        var m = -c / eps;
        var logA = a.log();
        var logB = b.log();
        var logU = zeros_like(a);
        var logV = zeros_like(b);
        for (int it = 0; it < iterations; it++)
        {
            logU = logA - (m + logV.unsqueeze(0)).logsumexp(1);
            logV = logB - (m + logU.unsqueeze(1)).logsumexp(0);
        }
        var plan = (m + logU.unsqueeze(1) + logV.unsqueeze(0)).exp();
        return (plan * c).sum().to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>The paper's per-response OT: cosine cost, softmax-of-norm masses, 50 float64 scaling iterations.</summary>
    public static double ResponseW(Tensor x, Tensor y, double eps, int iterations)
    {
        using var scope = NewDisposeScope();
        var nx = x.norm(1, true);
        var ny = y.norm(1, true);
        var cos = (x / (nx + 1e-6)).mm((y / (ny + 1e-6)).t());
        var c = (1 - cos).clamp_min_(0).to_type(ScalarType.Float64);
        var a = nx.squeeze(1).to_type(ScalarType.Float64).softmax(0);
        var b = ny.squeeze(1).to_type(ScalarType.Float64).softmax(0);
        return Scaling(c, a, b, eps, iterations, 1e-300, 1e300);
    }
}
