using System;
using System.IO;

namespace SecureMailGate.Core.Inspection;

/// <summary>A read-only, forward-only view of a stream that charges every byte read to an <see cref="InspectionBudget"/>.</summary>
internal sealed class BudgetedStream : ForwardOnlyStream
{
    private readonly Stream _inner;
    private readonly InspectionBudget _budget;

    public BudgetedStream(Stream inner, InspectionBudget budget)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
    }

    protected override int ReadCore(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        _budget.ChargeBytes(read);
        return read;
    }
}
