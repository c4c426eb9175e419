namespace HomeService.Web.Hosting;

/// <summary>A list setting of ours: "Key:0", "Key:1", … or one comma-separated "Key"; blanks dropped.</summary>
public static class ListSetting
{
    public static IReadOnlyList<string> Read(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.Value is { } list ? list.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
