namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Sorts small index spans without allocating (the framework's span sort boxes the comparer).</summary>
internal static class IndexSort
{
    // Insertion sort wins below this; larger (rare, hostile) frames take the framework's O(n log n) sort.
    private const int InsertionSortLimit = 32;

    public static void Sort<TComparer>(Span<int> indices, TComparer comparer)
        where TComparer : struct, IComparer<int>
    {
        if (indices.Length > InsertionSortLimit)
        {
            indices.Sort(comparer);
            return;
        }

        for (int i = 1; i < indices.Length; i++)
        {
            int item = indices[i];
            int j = i - 1;
            while (j >= 0 && comparer.Compare(indices[j], item) > 0)
            {
                indices[j + 1] = indices[j];
                j--;
            }

            indices[j + 1] = item;
        }
    }
}
