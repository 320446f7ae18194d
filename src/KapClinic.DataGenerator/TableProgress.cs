namespace KapClinic.DataGenerator;

/// <summary>Progress of one step: rows written so far out of about <see cref="Expected"/>, since <see cref="Elapsed"/>.</summary>
public sealed record TableProgress(string Step, long Rows, long Expected, TimeSpan Elapsed, bool Done)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    public TimeSpan? Eta => Done || Rows == 0 || Expected <= Rows
        ? null
        : TimeSpan.FromSeconds((Expected - Rows) / Math.Max(1, RowsPerSecond));
}
