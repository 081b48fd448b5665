using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace AnomSeer.Training;

public sealed partial class TimerPoTrainer
{
    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One step's metrics as the JSON line appended to <see cref="TimerPoOptions.MetricsLogPath"/>.</summary>
    public static string ToJsonLine(TimerPoStepMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return JsonSerializer.Serialize(metrics, MetricsJson);
    }

    private void Report(TimerPoStepMetrics m)
    {
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation(
                "TimerPO step {Step} ({Mode}): reward {RewardMean:F4} ± {RewardStd:F4}, zero-spread groups {ZeroSpread:P0}, W {TransportCost:F4}, KL {Kl:E2}, entropy {Entropy:F3}, clip {ClipFraction:P1}, {TokensPerSecond:F0} tok/s, {TotalSeconds:F2} s",
                m.Step, m.Mode, m.RewardMean, m.RewardStd, m.ZeroSpreadGroupFraction, m.TransportCostMean, m.Kl, m.Entropy,
                m.ClipFraction, m.TokensPerSecond, m.TotalSeconds);
        if (_options.MetricsLogPath is { Length: > 0 } path)
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.AppendAllText(path, ToJsonLine(m) + "\n");
        }
    }
}
