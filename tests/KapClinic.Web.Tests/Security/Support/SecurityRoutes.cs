namespace KapClinic.Web.Tests.Security.Support;

/// <summary>
/// The read-only walks over every route share one demo clinic: none of them changes it (refused POSTs and GETs only).
/// Tests that post forms or break the database have a fixture of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityRoutes : ICollectionFixture<SecurityFixture>
{
    public const string Name = "Security: every route";
}
