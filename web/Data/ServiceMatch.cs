namespace HomeService.Web.Data;

/// <summary>
/// Which orderable categories a resident's words mean, by substring in either language's name or the Chinese guide
/// (no word splitting: Chinese has no spaces). Name matches come before guide matches.
/// </summary>
public static class ServiceMatch
{
    public static IReadOnlyList<CatalogueReader.Category> Find(IReadOnlyList<CatalogueReader.Category> tree, string text)
    {
        var q = text.Trim();
        if (q.Length == 0) return [];
        bool Has(string? s) => s?.Contains(q, StringComparison.OrdinalIgnoreCase) == true;
        var leaves = tree.SelectMany(top => top.Children.Select(c => (Top: top, Leaf: c))).ToList();
        var byName = leaves.Where(x => Has(x.Leaf.NameZh) || Has(x.Leaf.NameEn) || Has(x.Top.NameZh) || Has(x.Top.NameEn)).Select(x => x.Leaf);
        // The names people use (俗称, on the category's terms): "日常保洁" finds 家庭保洁 and 钟点工, and so does "找日常保洁阿姨".
        var byAlias = leaves.Where(x => (x.Leaf.Terms?.Aliases ?? []).Any(a => Has(a) || a.Length >= 2 && q.Contains(a, StringComparison.OrdinalIgnoreCase)))
            .Select(x => x.Leaf);
        var byGuide = leaves.Where(x => Has(x.Leaf.Terms?.DescriptionZh) || Has(x.Leaf.Terms?.DescriptionEn)).Select(x => x.Leaf);
        return byName.Concat(byAlias).Concat(byGuide).DistinctBy(c => c.Code).ToList();
    }
}
