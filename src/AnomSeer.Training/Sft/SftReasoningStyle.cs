namespace AnomSeer.Training;

/// <summary>How much of the ExpCoT the SFT target's reasoning keeps (see <see cref="SftTargets.Reasoning(string, SftReasoningStyle)"/>).</summary>
public enum SftReasoningStyle
{
    /// <summary>The whole ExpCoT-derived trace: routing, the expert's evidence with its statistics, the ground-truth
    /// phrase and the conclusion (the and the paper's reading; the default).</summary>
    Full,

    /// <summary>
    /// Only the ExpCoT's first paragraph (the observation and routing: which analysis the series calls for, and why),
    /// then the answer. A named deviation for compact models: the full trace is about 250 tokens, most of them numbers a
    /// 1–2 M-parameter model spells badly, which costs training and generation time and can derail the answer; the
    /// concise trace is about 60 tokens. TimerPO still compares the response with the full ExpCoT.
    /// </summary>
    Concise,
}
