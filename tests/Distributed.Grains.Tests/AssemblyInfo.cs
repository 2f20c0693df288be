// Cluster tests share process-wide meters (captured by MeterListener) and the machine's two cores: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
