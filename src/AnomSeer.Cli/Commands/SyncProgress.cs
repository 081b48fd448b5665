namespace AnomSeer.Cli.Commands;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler at once, on the reporting thread (the trainers report
/// between steps, so the progress bar and the handler's state stay in step order).</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
