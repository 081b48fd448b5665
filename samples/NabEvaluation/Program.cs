// Evaluates detectors on NAB (the Numenta Anomaly Benchmark, real and artificial series): every file is cut into
// windows of at most 1000 points (the image the model sees), each window is scored with the TSAD reward against its
// labelled windows (NAB has no anomaly class, so the class term is left out), and the EvaluationReport is printed
// per NAB folder. The ExpCoT expert detector always runs; the AnomSeer-Tiny policy runs when --model DIR is given or
// models/anomseer-tiny exists.
//   dotnet run -c Release --project samples/NabEvaluation -- [--nab DIR] [--model DIR] [--files N] [--windows N] [--max-tokens N]
// The logic is in NabEvaluationSample.cs (callable in-process; the samples' smoke tests run it).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return NabEvaluation.NabEvaluationSample.Run(args, Console.Out, Console.Error, cancel.Token);
