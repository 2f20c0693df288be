using Distributed.Storage.Blobs;

namespace Distributed.Storage.Descriptions;

/// <summary>One compaction output being built in memory, row group by row group, then written create-only.</summary>
internal sealed class CompactedFile(DescriptionStoreOptions options) : IAsyncDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly List<StoredRow> _group = [];
    private SegmentFileWriter? _writer;

    public long Rows { get; private set; }

    public async Task AddAsync(StoredRow row, CancellationToken cancellationToken)
    {
        _writer ??= await SegmentFileWriter.CreateAsync(_buffer, cancellationToken).ConfigureAwait(false);
        _group.Add(row);
        Rows++;
        if (_group.Count == options.RowGroupRows)
        {
            await FlushGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finishes the file and writes it under a new name in <c>v1/compacted/</c>; returns the name.</summary>
    public async Task<string> PublishAsync(IBlobContainer blobs, CancellationToken cancellationToken)
    {
        await FlushGroupAsync(cancellationToken).ConfigureAwait(false);
        await _writer!.DisposeAsync().ConfigureAwait(false);
        var content = _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);
        while (true)
        {
            var name = StoreLayout.NewSegmentName(StoreLayout.CompactedPrefix);
            if (await blobs.TryCreateAsync(name, content, cancellationToken).ConfigureAwait(false))
            {
                _writer = null;
                return name;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        await _buffer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task FlushGroupAsync(CancellationToken cancellationToken)
    {
        if (_group.Count > 0)
        {
            await _writer!.WriteRowGroupAsync(_group, cancellationToken).ConfigureAwait(false);
            _group.Clear();
        }
    }
}
