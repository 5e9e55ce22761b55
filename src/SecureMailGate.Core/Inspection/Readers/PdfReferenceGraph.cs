using System;
using System.Collections.Generic;

namespace SecureMailGate.Core.Inspection.Readers;

/// <summary>
/// Which PDF objects lead to which, by object number, for finding cycles before a parser that follows them
/// recursively is let loose. Cycles are found with an explicit stack, so a long chain cannot exhaust the real one.
/// Not thread-safe.
/// </summary>
internal sealed class PdfReferenceGraph
{
    private const byte OnPath = 1;
    private const byte Finished = 2;

    private readonly Dictionary<int, List<int>> _edges = new();

    /// <summary>Forgets the references of <paramref name="from"/>: a later definition of an object replaces an earlier one.</summary>
    /// <param name="from">The object number.</param>
    public void Forget(int from) => _edges.Remove(from);

    /// <summary>Records that <paramref name="from"/> leads to <paramref name="to"/>.</summary>
    /// <param name="from">The referring object.</param>
    /// <param name="to">The referenced object.</param>
    public void Add(int from, int to)
    {
        if (!_edges.TryGetValue(from, out List<int>? targets))
        {
            targets = new List<int>();
            _edges[from] = targets;
        }

        targets.Add(to);
    }

    /// <summary>Whether following the references from some object can lead back to it.</summary>
    /// <param name="budget">Its time budget is checked as the search goes.</param>
    /// <returns>True when there is a cycle.</returns>
    public bool HasCycle(InspectionBudget budget)
    {
        if (budget is null)
        {
            throw new ArgumentNullException(nameof(budget));
        }

        var state = new Dictionary<int, byte>();
        var path = new Stack<(int Node, int Next)>();
        int steps = 0;
        foreach (int root in _edges.Keys)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            state[root] = OnPath;
            path.Push((root, 0));
            while (path.Count > 0)
            {
                if (++steps % 65536 == 0)
                {
                    budget.CheckTime();
                }

                (int node, int next) = path.Pop();
                if (!_edges.TryGetValue(node, out List<int>? targets) || next >= targets.Count)
                {
                    state[node] = Finished;
                    continue;
                }

                path.Push((node, next + 1));
                int target = targets[next];
                if (!state.TryGetValue(target, out byte seen))
                {
                    state[target] = OnPath;
                    path.Push((target, 0));
                }
                else if (seen == OnPath)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
