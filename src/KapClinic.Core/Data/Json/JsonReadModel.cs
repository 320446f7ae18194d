using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Data.Json;

/// <summary>
/// Reads a page's whole read model in one SQL statement that builds it as JSON in PostgreSQL (json_build_object,
/// json_agg), instead of one query per part. On this kind of machine a round trip to the database costs more than
/// the query behind it, so a page of a dozen small parts is several times cheaper this way. The statement runs
/// through EF Core (execution strategy, interceptors, command counting); the JSON keys are the snake_case names of
/// the C# properties; enums are their names, as EF stores them.
/// </summary>
public static class JsonReadModel
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(), new UtcDateTimeOffsetConverter() },
    };

    /// <summary>The statement's single text column (named "Value") deserialized, or null when it returned no row or SQL null.</summary>
    public static async Task<T?> ReadAsync<T>(KapClinicDbContext db, string sql, object[] parameters, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await db.Database.SqlQueryRaw<string>(sql, parameters).ToListAsync(cancellationToken);
        return rows is [{ } json] ? JsonSerializer.Deserialize<T>(json, Options) : null;
    }

    /// <summary>timestamptz values arrive in the session's time zone; the app works in UTC, as EF Core gives them.</summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime());
    }
}
