namespace KapClinic.DataGenerator;

/// <summary>The generator will not write into this database (it holds other data); the message says why and what to do.</summary>
public sealed class GenerationRefusedException(string message) : Exception(message);
