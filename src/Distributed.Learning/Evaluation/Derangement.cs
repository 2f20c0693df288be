namespace Distributed.Learning.Evaluation;

/// <summary>Seeded permutations without fixed points, for shuffled (mismatched) controls.</summary>
public static class Derangement
{
    /// <summary>
    /// A permutation p of 0..n-1 with p[i] != i for every i, drawn uniformly among derangements (Fisher–Yates with
    /// <c>new Random(seed)</c>, rejecting draws with a fixed point; about e draws on average). Deterministic for a
    /// seed. Throws <see cref="ArgumentOutOfRangeException"/> for n &lt; 2, where no derangement exists.
    /// </summary>
    public static int[] Create(int n, int seed)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A derangement needs at least 2 items (no item may stay in place).");
        }

#pragma warning disable CA5394 // Deterministic shuffling, not security.
        var random = new Random(seed);
        var order = new int[n];
        while (true)
        {
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            for (var i = n - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            if (!order.Where((value, index) => value == index).Any())
            {
                return order;
            }
        }
#pragma warning restore CA5394
    }
}
