using AnomSeer.Training.Losses;

namespace AnomSeer.Training;

/// <summary>Running means of the loss parts over the micro-batches of the last PPO epoch.</summary>
internal sealed class UpdateStatistics
{
    private double _loss, _pg, _entropy, _kl, _clip, _approxKl, _gradNorm;
    private int _count, _steps;

    public void Add(TimerPoLossResult result, double loss)
    {
        _loss += loss;
        _pg += result.PolicyGradient;
        _entropy += result.Entropy;
        _kl += result.Kl;
        _clip += result.ClipFraction;
        _approxKl += result.ApproximateKl;
        _count++;
    }

    public void AddGradNorm(double norm)
    {
        _gradNorm += norm;
        _steps++;
    }

    public double Loss => Mean(_loss);
    public double PolicyGradient => Mean(_pg);
    public double Entropy => Mean(_entropy);
    public double Kl => Mean(_kl);
    public double ClipFraction => Mean(_clip);
    public double ApproximateKl => Mean(_approxKl);
    public double GradNorm => _steps == 0 ? 0 : _gradNorm / _steps;
    public int OptimizerSteps => _steps;

    private double Mean(double sum) => _count == 0 ? double.NaN : sum / _count;
}
