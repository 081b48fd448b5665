namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>Thrown by <see cref="CudaSinkhornSolver.CreateCuda"/> when no usable CUDA device or driver is found.</summary>
public sealed class CudaUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CudaUnavailableException() : base("No usable CUDA device was found.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was missing.</param>
    public CudaUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What was missing.</param>
    /// <param name="innerException">The driver or ILGPU error.</param>
    public CudaUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
