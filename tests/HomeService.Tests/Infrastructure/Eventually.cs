namespace HomeService.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the condition holds or the deadline passes; the deadline is a safety net, not a speed goal.</summary>
    public static async Task True(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception e)
            {
                last = e;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Not true within {within.TotalSeconds:0} s: {what}", last);
    }
}
