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
        var byGuide = leaves.Where(x => Has(x.Leaf.Terms?.DescriptionZh) || Has(x.Leaf.Terms?.DescriptionEn)).Select(x => x.Leaf);
        return byName.Concat(byGuide).DistinctBy(c => c.Code).ToList();
    }
}
