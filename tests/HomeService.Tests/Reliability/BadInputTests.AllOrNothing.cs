using HomeService.Members;
using HomeService.WorkOrders;

namespace HomeService.Tests.Reliability;

/// <summary>
/// A change the database refuses (here a NUL, sent past the web's check straight to the grain) is not kept anywhere: not
/// in what the grain answers next, not in a retry that would find it "already done", not in the snapshot it leaves.
/// </summary>
public sealed partial class BadInputTests
{
    [Fact]
    public async Task A_profile_edit_the_database_refuses_leaves_the_profile_as_it_was()
    {
        var member = probe.Deployment.Silos[0].Grains.GetGrain<IMemberGrain>("R0002");
        var before = (await member.Get())!;
        await Assert.ThrowsAnyAsync<Exception>(() => member.EditProfile(new ProfileEdit("李\u0000先生", before.Addresses, before.Preferences), "test"));
        Assert.Equal(before.Name, (await member.Get())!.Name);
        // Saved as it reads back (its addresses came over without districts), the profile is accepted.
        var saved = await member.EditProfile(new ProfileEdit(before.Name, before.Addresses, before.Preferences), "test");
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors?.Keys ?? []));
        Assert.Equal(before.Name, saved.Value!.Name);
    }

    [Fact]
    public async Task A_complaint_the_database_refuses_is_not_created_and_a_clean_retry_creates_it()
    {
        var order = probe.Deployment.Silos[0].Grains.GetGrain<IWorkOrderGrain>("WO29991231000901");
        NewComplaint Complaint(string description) =>
            new("phone", "R0001", "张女士", "13800138000", null, "M001", null, "high", description, "agent1");
        await Assert.ThrowsAnyAsync<Exception>(() => order.CreateComplaint(Complaint("保姆\u0000迟到")));
        Assert.Null(await order.Get());
        var retried = await order.CreateComplaint(Complaint("保姆迟到两小时"));
        Assert.True(retried.Succeeded);
        Assert.Equal("保姆迟到两小时", (await order.Get())!.Question);
    }
}
