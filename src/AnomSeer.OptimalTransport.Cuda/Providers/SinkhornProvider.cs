namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>Which Sinkhorn implementation to use (the values of <c>ANOMSEER_SINKHORN</c>).</summary>
public enum SinkhornProvider
{
    /// <summary>CUDA when a device and its driver are present, otherwise the CPU solver.</summary>
    Auto = 0,

    /// <summary>Always the CPU solver.</summary>
    Cpu = 1,

    /// <summary>CUDA; if it cannot be opened, the failure is logged as an error and the CPU solver is used.</summary>
    Cuda = 2,
}
