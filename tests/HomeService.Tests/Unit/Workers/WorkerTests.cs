using HomeService.Workers;

namespace HomeService.Tests.Unit.Workers;

public sealed class WorkerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static Worker Registered(string status = "Available", int daysLeft = 100)
    {
        var w = new Worker();
        w.Apply(new WorkerRegistered("W1", "M1", "刘桂芳", "13903710001", ["home-clean", "hourly"],
            DateOnly.FromDateTime(Now.DateTime).AddDays(daysLeft), status, Now.AddDays(-1)));
        return w;
    }

    [Fact]
    public void A_free_qualified_worker_of_the_merchant_may_take_the_job()
    {
        Assert.Null(Registered().CannotTake("WO1", "M1", ["home-clean"], Now));
    }

    [Fact]
    public void Another_companys_worker_is_refused_whatever_their_state()
    {
        Assert.Equal("not-your-worker", Registered().CannotTake("WO1", "M2", ["home-clean"], Now));
        Assert.Equal("not-your-worker", new Worker().CannotTake("WO1", "M1", [], Now));
    }

    [Theory]
    [InlineData("Resting")]
    [InlineData("OffDuty")]
    public void A_worker_resting_or_off_duty_is_not_free(string status)
    {
        Assert.Equal("worker-busy", Registered(status).CannotTake("WO1", "M1", ["home-clean"], Now));
    }

    [Fact]
    public void A_worker_on_one_job_cannot_take_another_but_taking_the_same_job_again_is_harmless()
    {
        var w = Registered();
        w.Apply(new WorkerTookJob("WO1", Now));
        Assert.Equal(WorkerStatus.Assigned, w.Status);
        Assert.Equal("worker-busy", w.CannotTake("WO2", "M1", ["home-clean"], Now));
        Assert.Null(w.CannotTake("WO1", "M1", ["home-clean"], Now));
    }

    [Fact]
    public void The_category_skills_are_all_needed()
    {
        Assert.Equal("worker-unqualified", Registered().CannotTake("WO1", "M1", ["home-clean", "deep-clean"], Now));
    }

    [Fact]
    public void A_qualification_is_good_through_its_last_day_in_Beijing()
    {
        Assert.Null(Registered(daysLeft: 0).CannotTake("WO1", "M1", ["home-clean"], Now));
        Assert.Equal("worker-expired", Registered(daysLeft: -1).CannotTake("WO1", "M1", ["home-clean"], Now));
        // 00:30 on the 27th in Beijing is still the 26th in UTC: the worker expired on the 26th is already out.
        var justAfterMidnight = new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal("worker-expired", Registered(daysLeft: 0).CannotTake("WO1", "M1", ["home-clean"], justAfterMidnight));
    }

    [Fact]
    public void The_status_follows_the_job_and_comes_back_to_available()
    {
        var w = Registered();
        w.Apply(new WorkerTookJob("WO1", Now));
        w.Apply(new WorkerJobProgressed("WO1", WorkerStatus.EnRoute, Now.AddMinutes(5)));
        w.Apply(new WorkerJobProgressed("WO1", WorkerStatus.InService, Now.AddMinutes(40)));
        Assert.Equal((WorkerStatus.InService, "WO1", Now.AddMinutes(40)), (w.Status, w.CurrentOrder, w.StatusSince));
        w.Apply(new WorkerReleased("WO1", Now.AddHours(3)));
        Assert.Equal((WorkerStatus.Available, (string?)null), (w.Status, w.CurrentOrder));
    }

    [Fact]
    public void The_merchant_sets_only_available_resting_or_off_duty_and_never_during_a_job()
    {
        var w = Registered();
        Assert.Null(w.CannotSet("M1", WorkerStatus.Resting));
        Assert.Equal("status", w.CannotSet("M1", WorkerStatus.InService));
        Assert.Equal("not-your-worker", w.CannotSet("M2", WorkerStatus.OffDuty));
        w.Apply(new WorkerTookJob("WO1", Now));
        Assert.Equal("worker-busy", w.CannotSet("M1", WorkerStatus.OffDuty));
    }
}
