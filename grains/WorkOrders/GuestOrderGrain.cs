using HomeService.Members;

namespace HomeService.WorkOrders;

/// <summary>
/// One guest order form. Calls for one token run one at a time here, and the intake binds the token to the order in
/// the database, so a repeat finds the order already made (even after this grain is gone) before it looks at the code.
/// </summary>
public sealed class GuestOrderGrain : Grain, IGuestOrderGrain
{
    public async Task<CommandResult<WorkOrderView>> Place(NewServiceOrder order, string code)
    {
        var token = this.GetPrimaryKeyString();
        var source = $"web:guest:{PhoneNumber.Normalize(order.ContactPhone)}";
        var intake = GrainFactory.GetGrain<IOrderIntakeGrain>(0);
        if (await intake.Receipt(source, token) is { } made && await GrainFactory.GetGrain<IWorkOrderGrain>(made).Get() is { } view)
            return CommandResult<WorkOrderView>.Ok(view);
        var outcome = await GrainFactory.GetGrain<IPhoneVerificationGrain>(PhoneNumber.Normalize(order.ContactPhone)).Verify(VerificationPurposes.Order, code);
        if (outcome != VerificationOutcome.Accepted)
            return CommandResult<WorkOrderView>.Invalid(new Dictionary<string, string[]>
            {
                ["code"] = [VerificationCodeErrors.Of(outcome)],
            });
        return await intake.CreateServiceOnce(order, source, token);
    }
}
