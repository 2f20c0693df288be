// libtorch's random generator (torch.manual_seed) is process-wide: tests that seed it must not interleave with tests
// that draw from it (weight init, dropout) on other threads, or "same seed, same losses" cannot hold.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
