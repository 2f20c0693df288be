using System.Collections.Concurrent;

namespace Distributed.Describing.Embedded;

/// <summary>
/// At most <c>size</c> Tesseract engines, created on first need and reused; each is used by one caller at a time
/// (a <c>TessBaseAPI</c> is not thread-safe). Work runs on the thread pool, off the caller's scheduler.
/// </summary>
internal sealed class TesseractEnginePool : IDisposable
{
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly Func<TesseractEngine> _factory;
    private volatile bool _disposed;

    public TesseractEnginePool(int size, Func<TesseractEngine> factory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _slots = new SemaphoreSlim(size, size);
        _factory = factory;
    }

    /// <summary>Runs <paramref name="work"/> with an engine of its own.</summary>
    public async Task<T> RunAsync<T>(Func<TesseractEngine, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(
                () =>
                {
                    var engine = _idle.TryTake(out var idle) ? idle : _factory();
                    try
                    {
                        return work(engine);
                    }
                    finally
                    {
                        Return(engine);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var engine))
        {
            engine.Dispose();
        }

        _slots.Dispose();
    }

    private void Return(TesseractEngine engine)
    {
        if (_disposed)
        {
            engine.Dispose();
        }
        else
        {
            _idle.Add(engine);
        }
    }
}
