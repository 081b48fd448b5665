// Seeded models draw from torch's process-wide generator; tests that build or adapt models in parallel would
// interleave their draws. The suite is small: run it sequentially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
