using HomeService.CallCenter;
using HomeService.Workers;
using Npgsql;

namespace HomeService.Web.Api;

/// <summary>
/// The ids a new order or complaint names must exist. Checked before the command, so an unknown id is a field
/// error (400) rather than a dangling link or a write the database refuses (which surfaced as a 500).
/// </summary>
public sealed class References(NpgsqlDataSource db, IGrainFactory grains)
{
    private const int MaxIdLength = 64;

    /// <summary>Field errors for every given id that names nothing; fields left null are not checked.</summary>
    public async Task<Dictionary<string, string[]>> Unknown(string? memberId = null, string? callId = null, string? merchantId = null,
        string? workerId = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (memberId is not null && !await RowExists("member", memberId)) errors["memberId"] = ["unknown"];
        if (callId is not null && (callId.Length > MaxIdLength || (await grains.GetGrain<ICallGrain>(callId).Get()).Version == 0)) errors["callId"] = ["unknown"];
        if (merchantId is not null && !await RowExists("merchant", merchantId)) errors["againstMerchantId"] = ["unknown"];
        if (workerId is not null && (workerId.Length > MaxIdLength || await grains.GetGrain<IWorkerGrain>(workerId).Get() is null))
            errors["againstWorkerId"] = ["unknown"];
        return errors;
    }

    /// <summary>
    /// The field error for sending an order to <paramref name="party"/>, or null: a "department:{code}" party must name an
    /// active department (a retired one keeps its old orders but takes no new ones). Other parties are the order's own rule.
    /// </summary>
    public async Task<string?> DepartmentProblem(string? party)
    {
        const string prefix = "department:";
        if (party is null || !party.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var code = party[prefix.Length..].Trim();
        var department = code.Length is 0 or > MaxIdLength ? null : await grains.GetGrain<WorkOrders.IDepartmentsGrain>(0).Get(code);
        return department is null ? "unknown" : department.Active ? null : "retired";
    }

    /// <summary>A text field longer than its column of the screens and lists allows.</summary>
    public static void Limit(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is { } v && v.Length > max) errors[field] = [$"max_length:{max}"];
    }

    // The table name is one of two constants above, never input.
    private async Task<bool> RowExists(string table, string id)
    {
        if (id.Length > MaxIdLength) return false;
        await using var cmd = db.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {table} WHERE id = $1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }
}
