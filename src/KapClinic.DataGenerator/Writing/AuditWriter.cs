using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KapClinic.DataGenerator.Planning;
using NpgsqlTypes;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// The audit trail: record views, searches and sign-ins spread over the history, already sealed into the hash chain. Each
/// row's hash is computed here exactly as kap_audit_row_hash does (AuditChainSql): SHA-256 over the previous hash and the
/// fields joined by chr(31), the time as UTC microseconds; the chain continues from the last sealed row.
/// </summary>
internal static class AuditWriter
{
    private static readonly string[] Actions = ["Patient.Viewed", "Patient.ChartViewed", "Note.Viewed", "Patient.SessionsViewed", "Patient.Searched", "SignIn.Succeeded"];

    public static async Task<long> WriteAsync(GenerationContext context, long count, long lastSeq, byte[]? lastHash)
    {
        var plan = context.Plan;
        var random = context.Random;
        var step = (plan.Now - plan.Origin).Ticks / Math.Max(1, count);
        var buffer = new StringBuilder(256);
        await using var table = await BulkTable.OpenAsync(
            context, "audit_events", "id, occurred_at, user_id, action, entity_type, entity_id, patient_id, remote_ip, outcome, detail, chain_seq, prev_hash, row_hash", count);
        for (long k = 0; k < count; k++)
        {
            var at = new DateTime(plan.Origin.Ticks + (k * step) + (random.NextInt64(Math.Max(1, step)) / 10 * 10), DateTimeKind.Utc);
            var action = Actions[random.Next(Actions.Length)];
            var user = context.Staff.Clinicians[random.Next(context.Staff.Clinicians.Length)];
            var patient = action is "Patient.Searched" or "SignIn.Succeeded" ? (Guid?)null : plan.Patients[random.Next(plan.Patients.Length)].Id;
            var entityType = patient is null ? null : "Patient";
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.0.{random.Next(0, 8)}.{random.Next(2, 250)}");
            var id = Ids.At(at, random);
            var seq = lastSeq + k + 1;
            buffer.Clear();
            buffer.Append(seq.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(id.ToString("D")).Append('\u001f')
                .Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(user.ToString("D")).Append('\u001f')
                .Append(action).Append('\u001f')
                .Append("Success").Append('\u001f')
                .Append(ip).Append('\u001f')
                .Append(entityType).Append('\u001f')
                .Append(patient?.ToString("D")).Append('\u001f')
                .Append(patient?.ToString("D")).Append('\u001f');
            var text = Encoding.UTF8.GetBytes(buffer.ToString());
            var input = new byte[(lastHash?.Length ?? 0) + text.Length];
            lastHash?.CopyTo(input, 0);
            text.CopyTo(input, lastHash?.Length ?? 0);
            var hash = SHA256.HashData(input);
            table.Row();
            table.Uuid(id);
            table.Time(at);
            table.Uuid(user);
            table.Text(action);
            table.Text(entityType);
            table.Uuid(patient);
            table.Uuid(patient);
            table.Text(ip);
            table.Text("Success");
            table.Text(null);
            table.Write(seq, NpgsqlDbType.Bigint);
            table.Write(lastHash, NpgsqlDbType.Bytea);
            table.Write(hash, NpgsqlDbType.Bytea);
            lastHash = hash;
        }

        return lastSeq + count;
    }
}
