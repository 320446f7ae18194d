namespace KapClinic.DataGenerator.Planning;

internal enum SessionKind : byte
{
    Preparation,
    Dosing,
    Integration,
}
