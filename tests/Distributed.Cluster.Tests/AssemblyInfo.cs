// Each test starts its own cluster of silo processes; two cores cannot run two of them at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
