// One ML.NET pipeline over AnomSeer's estimators:
//   RenderTimeSeriesPlot (the PNG the model sees) -> GenerateExpCot (the expert chain-of-thought of a labelled row)
//   -> DetectWithExpert (the classical expert detector: reasoning, intervals, class).
// It is fitted on a few generated AnomLLM-style series, saved to a zip, loaded in a fresh MLContext and used to
// predict on series it has not seen.
// Usage: dotnet run -c Release --project samples/MlNetPipeline [-- --count seriesPerTask]
// The logic is in MlNetPipelineSample.cs (callable in-process; the samples' smoke tests run it).
return MlNetPipeline.MlNetPipelineSample.Run(args, Console.Out, Console.Error);
