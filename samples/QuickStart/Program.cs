// QuickStart: the AnomSeer answer protocol end to end on a built-in example.
// 1. a series with a known anomaly, 2. the prompt the model reads, 3. a model response in the answer
// format, 4. the tolerant parser, 5. the reward and its metrics, 6. an evaluation table.
using System.Globalization;
using AnomSeer;
using AnomSeer.Answers;
using AnomSeer.Metrics;
using AnomSeer.Prompts;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// 1. A length-1000 sine wave with a level shift on [420, 470).
const int length = 1000;
var values = new double[length];
for (int t = 0; t < length; t++)
    values[t] = 0.5 * Math.Sin(2 * Math.PI * t / 50) + (t is >= 420 and < 470 ? 0.6 : 0);
var series = new TimeSeries(values, name: "quickstart");
AnomalyInterval[] truth = [new(420, 470)];
Console.WriteLine($"Series '{series.Name}': {series.Length} points, anomaly {string.Join(", ", truth)} (global point).");
Console.WriteLine();

// 2. The prompt (method spec b.1) that goes with the rendered plot.
Console.WriteLine("Prompt:");
Console.WriteLine(AnomSeerPrompt.Build(series.Length));
Console.WriteLine();

// 3. Three responses a policy might give.
string good = AnswerFormatter.Format(
    "The series is a stable sine of period 50. Between 420 and 470 the whole wave is lifted by about 0.6, far above its usual range.",
    [new AnomalyInterval(418, 468)], AnomalyClass.GlobalPoint);
string sloppy = "<think>there is a bump</think> <answer>[(400, 480.7), (-3, 5)]</answer> <class>Global</class>";
string broken = "The anomaly is somewhere around 450.";

var report = new EvaluationReport();
foreach (var (name, response) in new[] { ("good", good), ("sloppy", sloppy), ("broken", broken) })
{
    // 4. Parse; 5. score.
    ParsedAnswer parsed = AnswerParser.Parse(response);
    RewardBreakdown reward = TsadReward.Score(response, truth, AnomalyClass.GlobalPoint, series.Length);
    report.Add(name, reward);

    Console.WriteLine($"--- {name} response ---");
    Console.WriteLine(response);
    Console.WriteLine($"parsed: intervals = {(parsed.Intervals is null ? "wrong" : "[" + string.Join(", ", parsed.Intervals) + "]")}, " +
                      $"class = {parsed.Class?.ToCanonicalName() ?? "(none)"}, format ok = {parsed.FormatOk}");
    Console.WriteLine($"reward = {reward.Total:F4}  (point-wise P/R/F1 = {reward.Precision:F3}/{reward.Recall:F3}/{reward.F1:F3}, " +
                      $"affiliation P/R/F1 = {reward.AffiliationPrecision:F3}/{reward.AffiliationRecall:F3}/{reward.AffiliationF1:F3}, " +
                      $"class = {reward.ClassCorrect}, format = {reward.Format})");
    Console.WriteLine();
}

// 6. The evaluation table, as the paper reports it (percent, macro over series).
Console.WriteLine(report.ToMarkdown());
