namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Sorts index spans without allocating, with comparers that may be ref structs over the frame's bytes.</summary>
internal static class IndexSort
{
    // Insertion sort wins below this; larger (rare, hostile) frames take a heap sort, O(n log n) whatever the input.
    private const int InsertionSortLimit = 32;

    public static void Sort<TComparer>(Span<int> indices, TComparer comparer)
        where TComparer : IComparer<int>, allows ref struct
    {
        if (indices.Length > InsertionSortLimit)
        {
            HeapSort(indices, comparer);
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

    private static void HeapSort<TComparer>(Span<int> indices, TComparer comparer)
        where TComparer : IComparer<int>, allows ref struct
    {
        for (int i = (indices.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(indices, i, indices.Length, comparer);
        }

        for (int end = indices.Length - 1; end > 0; end--)
        {
            (indices[0], indices[end]) = (indices[end], indices[0]);
            SiftDown(indices, 0, end, comparer);
        }
    }

    private static void SiftDown<TComparer>(Span<int> indices, int root, int length, TComparer comparer)
        where TComparer : IComparer<int>, allows ref struct
    {
        while (true)
        {
            int child = (2 * root) + 1;
            if (child >= length)
            {
                return;
            }

            if (child + 1 < length && comparer.Compare(indices[child], indices[child + 1]) < 0)
            {
                child++;
            }

            if (comparer.Compare(indices[root], indices[child]) >= 0)
            {
                return;
            }

            (indices[root], indices[child]) = (indices[child], indices[root]);
            root = child;
        }
    }
}
