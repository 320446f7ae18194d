namespace KapClinic.Soak;

/// <summary>A write the database does not hold as the ledger says it should: <see cref="Rows"/> is how many it holds.</summary>
public sealed record LedgerFinding(LedgerEntry Entry, int Rows)
{
    public bool Missing => Entry.Acknowledged && Rows == 0;

    public bool Duplicated => Rows > 1;

    public override string ToString() =>
        $"{Entry.Kind} {Entry.Marker}: {(Entry.Acknowledged ? "acknowledged" : "not acknowledged")} after {Entry.Attempts} attempt(s), {Rows} row(s)";
}
