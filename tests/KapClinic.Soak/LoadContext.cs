namespace KapClinic.Soak;

/// <summary>What every simulated user shares: the data, the statistics, the ledger of writes and the booking slots.</summary>
public sealed record LoadContext(SoakOptions Options, LoadWorld World, RunStats Stats, AckLedger Ledger, SlotAllocator Slots);
