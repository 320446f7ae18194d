namespace KapClinic.Core.Inventory.Records;

/// <summary>SQL for a user's name as signed ("A. Rivera, MD"), the same as <see cref="Users.ClinicUser.SignatureName"/>.</summary>
internal static class SignatureSql
{
    public static string Of(string alias) =>
        $"CASE WHEN coalesce(btrim({alias}.credentials), '') = '' THEN {alias}.display_name ELSE {alias}.display_name || ', ' || {alias}.credentials END";
}
