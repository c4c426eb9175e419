using HomeService.Catalogue;
using Npgsql;

namespace HomeService.Workers;

/// <summary>Gives a new worker the next id from a database sequence (so ids survive restarts) after checking their details.</summary>
public sealed class WorkerRegistryGrain(NpgsqlDataSource db) : Grain, IWorkerRegistryGrain
{
    public async Task<CommandResult<WorkerProfile>> Register(string merchantId, WorkerDetails details, string actor)
    {
        var d = WorkerDetailsRules.Normalize(details);
        var skills = (await GrainFactory.GetGrain<IServiceCatalogueGrain>(0).GetAll()).Select(c => c.Code).ToHashSet();
        var errors = WorkerDetailsRules.Validate(d, skills.Contains);
        if (errors.Count > 0) return CommandResult<WorkerProfile>.Invalid(errors);
        await using var next = db.CreateCommand("SELECT nextval('worker_number')");
        var id = $"W{(long)(await next.ExecuteScalarAsync())!}";
        return await GrainFactory.GetGrain<IWorkerGrain>(id).Register(merchantId, d, actor);
    }
}
