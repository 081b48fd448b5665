// Generates the paper's AnomLLM-style training set (8 tasks × 400 series of length 1000, train seed 3407) with the
// expert chain-of-thought (ExpCoT) of every series and its plot (1000 × 150 px PNG, no ground-truth shading), and writes
// the Parquet rows a veRL-style Python RL trainer reads (prompt, images, reward_model.ground_truth, extra_info.expcot).
//   dotnet run -c Release --project samples/ExportForPython -- [--out DIR] [--count N] [--split train|eval] [--images] [--smoke]
// --smoke is 8 × 2 series. The schema is in this folder's README.md. The logic is in ExportForPythonSample.cs
// (callable in-process; the samples' smoke tests run it).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return ExportForPython.ExportForPythonSample.Run(args, Console.Out, Console.Error, cancel.Token);
