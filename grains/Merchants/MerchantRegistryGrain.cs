using HomeService.Catalogue;
using Npgsql;

namespace HomeService.Merchants;

/// <summary>
/// Takes merchant applications one at a time (so two applications with one credit code cannot both pass the
/// check): validates, refuses a code that already belongs to a merchant that has not exited or been rejected, and
/// gives the next merchant number (M1001, M1002, … from a database sequence, so numbers survive restarts), or the id
/// the center already knows the company by (<see cref="ApplyAs"/>).
/// </summary>
public sealed class MerchantRegistryGrain(NpgsqlDataSource db) : Grain, IMerchantRegistryGrain
{
    public async Task<CommandResult<MerchantView>> Apply(MerchantApplication application, string actor)
    {
        var (a, errors) = await Check(application);
        if (errors.Count > 0) return CommandResult<MerchantView>.Invalid(errors);
        for (var skipped = 0; ; skipped++)
        {
            await using var next = db.CreateCommand("SELECT nextval('merchant_number')");
            var result = await GrainFactory.GetGrain<IMerchantGrain>($"M{(long)(await next.ExecuteScalarAsync())!}").Apply(a, actor);
            if (skipped == RegistryNumber.MaxSkips || !RegistryNumber.Taken(result, "merchantId")) return result;
        }
    }

    public async Task<CommandResult<MerchantView>> ApplyAs(string merchantId, MerchantApplication application, string actor)
    {
        var (a, errors) = await Check(application);
        if (!RegistryNumber.IsWellFormed(merchantId, 'M')) errors["merchantId"] = ["format"];
        if (errors.Count > 0) return CommandResult<MerchantView>.Invalid(errors);
        return await GrainFactory.GetGrain<IMerchantGrain>(merchantId).Apply(a, actor);
    }

    /// <summary>The application tidied, and its field errors (an empty set when it may be recorded).</summary>
    private async Task<(MerchantApplication Application, Dictionary<string, string[]> Errors)> Check(MerchantApplication application)
    {
        var a = MerchantApplicationRules.Normalize(application);
        var categories = (await GrainFactory.GetGrain<IServiceCatalogueGrain>(0).GetAll()).Select(c => c.Code).ToHashSet();
        var errors = MerchantApplicationRules.Validate(a, categories.Contains);
        if (errors.Count == 0 && await CodeTaken(a.CreditCode)) errors["creditCode"] = ["exists"];
        if (errors.Count == 0 && !await FilesFree(a.Documents)) errors["documents"] = ["unknown-file"];
        return (a, errors);
    }

    /// <summary>Every uploaded file the application lists exists, is an application document and belongs to no merchant yet.</summary>
    private async Task<bool> FilesFree(IReadOnlyList<QualificationDocument> documents)
    {
        var ids = new List<Guid>();
        foreach (var d in documents.Where(d => d.FileId is not null))
        {
            if (!Guid.TryParse(d.FileId, out var id)) return false;
            ids.Add(id);
        }
        if (ids.Count == 0) return true;
        if (ids.Distinct().Count() != ids.Count) return false;
        await using var cmd = db.CreateCommand(
            "SELECT count(*) FROM uploaded_file WHERE id = ANY($1) AND purpose = 'merchant-application' AND claimed_by IS NULL");
        cmd.Parameters.Add(new() { Value = ids.ToArray() });
        return (long)(await cmd.ExecuteScalarAsync())! == ids.Count;
    }

    private async Task<bool> CodeTaken(string code)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM merchant WHERE credit_code = $1 AND status NOT IN ('Rejected', 'Exited'))");
        cmd.Parameters.Add(new() { Value = code });
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }
}
