// Expert-detector baseline: tune on the train split, evaluate on the eval split and out-of-domain data.
//   dotnet run -c Release --project samples/ExpertBaseline -- tune [seriesPerTask=100] [sweeps=2]
//   dotnet run -c Release --project samples/ExpertBaseline -- eval [nabDirectory] [--count seriesPerTask]
// The logic is in ExpertBaselineSample.cs (callable in-process; the samples' smoke tests run it with small sizes).
return ExpertBaseline.ExpertBaselineSample.Run(args, Console.Out, Console.Error);
