namespace KapClinic.Bench.Data;

/// <summary>A filled database of the bench's own cluster and the user the bench signs in as.</summary>
public sealed record BenchDatabase(string Name, string OwnerConnectionString, string AppConnectionString, BenchUser User);

/// <summary>A clinician with a known password and authenticator secret.</summary>
public sealed record BenchUser(string Email, string Password, string MfaSecret);

/// <summary>The data sets the bench measures on.</summary>
public enum BenchScale
{
    /// <summary>1,000 patients: the growth scenario's small end.</summary>
    Small,

    /// <summary>100,000 patients and years of history: every other scenario.</summary>
    Large,
}
