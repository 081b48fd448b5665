using System.CommandLine;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer train sft|timerpo …</c>: trains AnomSeer-Tiny on generated AnomLLM-style data — supervised fine-tuning on
/// the expert traces (<see cref="TrainSftCommand"/>), then TimerPO or one of its ablations (<see cref="TrainTimerPoCommand"/>).
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the verb and its two sub-verbs.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("train", "Train an AnomSeer-Tiny policy: 'sft' on the expert chain-of-thought, then 'timerpo' (reinforcement learning).");
        command.Subcommands.Add(TrainSftCommand.Create(context));
        command.Subcommands.Add(TrainTimerPoCommand.Create(context));
        return command;
    }
}
