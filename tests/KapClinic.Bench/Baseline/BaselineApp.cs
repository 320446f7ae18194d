using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KapClinic.Bench.Baseline;

/// <summary>
/// The floor: a minimal ASP.NET Core app on its own loopback port, reading the same database with raw Npgsql (one
/// batch per page, no EF, no auth, no antiforgery) and answering plain HTML tables.
/// </summary>
public sealed class BaselineApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly NpgsqlDataSource dataSource;

    private BaselineApp(WebApplication app, NpgsqlDataSource dataSource, Uri baseAddress)
    {
        this.app = app;
        this.dataSource = dataSource;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BaselineApp> StartAsync(string connectionString, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        app.MapPost("/patients", (HttpContext http) => SearchAsync(dataSource, http));
        app.MapGet("/patients/{id:guid}", (Guid id, HttpContext http) => PageAsync(dataSource, http, "Patient chart", BaselineSql.Chart, id));
        app.MapGet("/sessions/{id:guid}", (Guid id, HttpContext http) => PageAsync(dataSource, http, "Dosing session", BaselineSql.Session, id));
        app.MapPost("/sessions/{id:guid}/readings", (Guid id, HttpContext http) => InsertReadingAsync(dataSource, http, id));
        await app.StartAsync(cancellationToken);
        return new BaselineApp(app, dataSource, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    private static async Task SearchAsync(NpgsqlDataSource dataSource, HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = ((string?)form["name"] ?? string.Empty).Trim().ToLowerInvariant();
        var pageSize = int.TryParse(form["pageSize"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 100) : 25;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(BaselineSql.SearchCount, name));
        batch.BatchCommands.Add(Command(BaselineSql.SearchPage, name, pageSize));
        await using var reader = await batch.ExecuteReaderAsync(http.RequestAborted);
        await reader.ReadAsync(http.RequestAborted);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(http.RequestAborted);
        var html = BaselineHtml.Begin("Patients");
        html.Append("<p>").Append(total.ToString(CultureInfo.InvariantCulture)).Append(" found</p>");
        BaselineHtml.Table(html, "Patients", Columns(reader), await RowsAsync(reader, http.RequestAborted));
        await WriteAsync(http, BaselineHtml.End(html));
    }

    private static async Task PageAsync(NpgsqlDataSource dataSource, HttpContext http, string title, IReadOnlyList<(string Caption, string Sql)> parts, Guid id)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var (_, sql) in parts)
        {
            batch.BatchCommands.Add(Command(sql, id));
        }

        await using var reader = await batch.ExecuteReaderAsync(http.RequestAborted);
        var html = BaselineHtml.Begin(title);
        var first = true;
        foreach (var (caption, _) in parts)
        {
            if (!first)
            {
                await reader.NextResultAsync(http.RequestAborted);
            }

            first = false;
            BaselineHtml.Table(html, caption, Columns(reader), await RowsAsync(reader, http.RequestAborted));
        }

        await WriteAsync(http, BaselineHtml.End(html));
    }

    private static async Task InsertReadingAsync(NpgsqlDataSource dataSource, HttpContext http, Guid sessionId)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        int? Number(string name) => int.TryParse(form[name], CultureInfo.InvariantCulture, out var value) ? value : null;
        if (!DateTime.TryParse(form["takenAt"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var takenAt)
            || !Guid.TryParse(form["recordedBy"], out var recordedBy))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await using var command = dataSource.CreateCommand(BaselineSql.InsertReading);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(takenAt, DateTimeKind.Utc) });
        foreach (var field in new[] { "systolic", "diastolic", "heartRate", "spO2", "respiratoryRate", "moaas" })
        {
            command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = Number(field), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = recordedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        if (await command.ExecuteNonQueryAsync(http.RequestAborted) != 1)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = $"/sessions/{sessionId}";
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static string[] Columns(NpgsqlDataReader reader) =>
        [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];

    private static async Task<List<IReadOnlyList<object?>>> RowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add(values);
        }

        return rows;
    }

    private static async Task WriteAsync(HttpContext http, string html)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
