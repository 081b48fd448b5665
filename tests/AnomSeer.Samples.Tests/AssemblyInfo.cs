// The samples write to Console (QuickStart), and one test changes the current folder: run the tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
