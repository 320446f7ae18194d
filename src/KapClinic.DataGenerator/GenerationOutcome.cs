namespace KapClinic.DataGenerator;

public enum GenerationOutcome
{
    /// <summary>The data was generated in this run.</summary>
    Generated,

    /// <summary>The database already held this generator's data of the same scale; nothing was written.</summary>
    AlreadyGenerated,
}
