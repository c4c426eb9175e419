using HomeService.Catalogue;
using Npgsql;

namespace HomeService.Workers;

/// <summary>
/// Gives a new worker the next id from a database sequence (so ids survive restarts) after checking their details, or the id
/// the center already knows them by (<see cref="RegisterAs"/>).
/// </summary>
public sealed class WorkerRegistryGrain(NpgsqlDataSource db) : Grain, IWorkerRegistryGrain
{
    public async Task<CommandResult<WorkerProfile>> Register(string merchantId, WorkerDetails details, string actor)
    {
        var (d, errors) = await Check(details);
        if (errors.Count > 0) return CommandResult<WorkerProfile>.Invalid(errors);
        for (var skipped = 0; ; skipped++)
        {
            await using var next = db.CreateCommand("SELECT nextval('worker_number')");
            var result = await GrainFactory.GetGrain<IWorkerGrain>($"W{(long)(await next.ExecuteScalarAsync())!}").Register(merchantId, d, actor);
            if (skipped == RegistryNumber.MaxSkips || !RegistryNumber.Taken(result, "workerId")) return result;
        }
    }

    public async Task<CommandResult<WorkerProfile>> RegisterAs(string workerId, string merchantId, WorkerDetails details, string actor)
    {
        var (d, errors) = await Check(details);
        if (!RegistryNumber.IsWellFormed(workerId, 'W')) errors["workerId"] = ["format"];
        if (errors.Count > 0) return CommandResult<WorkerProfile>.Invalid(errors);
        return await GrainFactory.GetGrain<IWorkerGrain>(workerId).Register(merchantId, d, actor);
    }

    private async Task<(WorkerDetails Details, Dictionary<string, string[]> Errors)> Check(WorkerDetails details)
    {
        var d = WorkerDetailsRules.Normalize(details);
        var skills = (await GrainFactory.GetGrain<IServiceCatalogueGrain>(0).GetAll()).Select(c => c.Code).ToHashSet();
        return (d, WorkerDetailsRules.Validate(d, skills.Contains));
    }
}
